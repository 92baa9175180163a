namespace Coloc.Core.Geometry;

/// <summary>
/// A 3-vector of doubles in z, y, x order: a coordinate, an extent, a tolerance or a resolution.
/// The unit depends on the use and is named by the variable (<c>offsetVoxels</c>, <c>tolUm</c>, ...).
/// </summary>
/// <param name="Z">The z (slice) component.</param>
/// <param name="Y">The y (row) component.</param>
/// <param name="X">The x (column) component.</param>
public readonly record struct Zyx(double Z, double Y, double X)
{
    /// <summary>All three components equal to <paramref name="v"/>.</summary>
    public static Zyx All(double v) => new(v, v, v);

    /// <summary>The component on <paramref name="axis"/> (0 = z, 1 = y, 2 = x).</summary>
    public double this[int axis] => axis switch
    {
        0 => Z,
        1 => Y,
        2 => X,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "axis must be 0 (z), 1 (y) or 2 (x)"),
    };

    /// <summary>The largest component.</summary>
    public double Max => Math.Max(Math.Max(Z, Y), X);

    /// <summary>The smallest component.</summary>
    public double Min => Math.Min(Math.Min(Z, Y), X);

    /// <summary>True when every component is a finite number.</summary>
    public bool IsFinite => double.IsFinite(Z) && double.IsFinite(Y) && double.IsFinite(X);

    /// <summary>Applies <paramref name="f"/> to each component.</summary>
    public Zyx Map(Func<double, double> f) => new(f(Z), f(Y), f(X));

    /// <summary>Element-wise sum.</summary>
    public static Zyx operator +(Zyx a, Zyx b) => new(a.Z + b.Z, a.Y + b.Y, a.X + b.X);

    /// <summary>Element-wise difference.</summary>
    public static Zyx operator -(Zyx a, Zyx b) => new(a.Z - b.Z, a.Y - b.Y, a.X - b.X);

    /// <summary>Element-wise product.</summary>
    public static Zyx operator *(Zyx a, Zyx b) => new(a.Z * b.Z, a.Y * b.Y, a.X * b.X);

    /// <summary>Element-wise quotient.</summary>
    public static Zyx operator /(Zyx a, Zyx b) => new(a.Z / b.Z, a.Y / b.Y, a.X / b.X);

    /// <summary>Scalar product.</summary>
    public static Zyx operator *(Zyx a, double s) => new(a.Z * s, a.Y * s, a.X * s);

    /// <summary>Scalar divided element-wise by a vector.</summary>
    public static Zyx operator /(double s, Zyx a) => new(s / a.Z, s / a.Y, s / a.X);

    /// <summary>Formats as <c>z,y,x</c> with invariant culture (the command-line form).</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Z},{Y},{X}");
}
