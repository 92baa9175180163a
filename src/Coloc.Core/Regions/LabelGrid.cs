using Coloc.Core.Geometry;

namespace Coloc.Core.Regions;

/// <summary>
/// An atlas labels image, z,y,x in C order (x fastest), one integer region id per voxel. Ids are held as
/// <see cref="long"/> so every source type fits: unsigned ids up to 2^32−1 (Allen ids) and negative ids
/// (MagellanMapper's mirrored hemisphere, <c>-id</c>). Id 0 is background but is still a region row.
/// </summary>
public sealed class LabelGrid
{
    private readonly long[] _ids;

    /// <summary>Wraps <paramref name="ids"/> (not copied) of shape <paramref name="shape"/> (voxels, z,y,x).</summary>
    /// <exception cref="ArgumentException">A non-positive axis, or <paramref name="ids"/> not of length z·y·x.</exception>
    public LabelGrid(ZyxInt shape, long[] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (shape.Z <= 0 || shape.Y <= 0 || shape.X <= 0)
            throw new ArgumentException($"labels shape {shape} must be positive on every axis", nameof(shape));
        if (shape.Volume != ids.LongLength)
            throw new ArgumentException($"labels shape {shape} needs {shape.Volume} voxels, got {ids.LongLength}", nameof(ids));
        Shape = shape;
        _ids = ids;
    }

    /// <summary>Shape in voxels, z,y,x.</summary>
    public ZyxInt Shape { get; }

    /// <summary>The ids in C order: voxel (z,y,x) is at <c>(z·Y + y)·X + x</c>.</summary>
    public ReadOnlySpan<long> Ids => _ids;
}
