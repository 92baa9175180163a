namespace Coloc.Core.Geometry;

/// <summary>A 3-vector of integers in z, y, x order: a shape, a block index or a voxel position.</summary>
/// <param name="Z">The z component.</param>
/// <param name="Y">The y component.</param>
/// <param name="X">The x component.</param>
public readonly record struct ZyxInt(int Z, int Y, int X)
{
    /// <summary>The component on <paramref name="axis"/> (0 = z, 1 = y, 2 = x).</summary>
    public int this[int axis] => axis switch
    {
        0 => Z,
        1 => Y,
        2 => X,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "axis must be 0 (z), 1 (y) or 2 (x)"),
    };

    /// <summary>Number of voxels (product of the components).</summary>
    public long Volume => (long)Z * Y * X;

    /// <summary>The same values as doubles.</summary>
    public Zyx ToZyx() => new(Z, Y, X);

    /// <summary>Builds a vector from a function of the axis index.</summary>
    public static ZyxInt FromAxes(Func<int, int> f) => new(f(0), f(1), f(2));

    /// <summary>Formats as <c>z,y,x</c>.</summary>
    public override string ToString() => $"{Z},{Y},{X}";
}
