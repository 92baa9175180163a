namespace Coloc.Core.Geometry;

/// <summary>
/// A half-open axis-aligned box <c>Offset &lt;= p &lt; Offset + Size</c> in voxel units, z,y,x.
/// Comparisons are done in double precision exactly as MagellanMapper does (<c>get_blobs_in_roi</c>).
/// </summary>
/// <param name="Offset">Lower corner (inclusive), voxels.</param>
/// <param name="Size">Extent per axis, voxels.</param>
public readonly record struct Box(Zyx Offset, Zyx Size)
{
    /// <summary>True when <paramref name="p"/> lies inside the half-open box.</summary>
    public bool Contains(Zyx p) =>
        Offset.Z <= p.Z && p.Z < Offset.Z + Size.Z &&
        Offset.Y <= p.Y && p.Y < Offset.Y + Size.Y &&
        Offset.X <= p.X && p.X < Offset.X + Size.X;

    /// <summary>True when the point (z, y, x) lies inside the half-open box.</summary>
    public bool Contains(double z, double y, double x) =>
        Offset.Z <= z && z < Offset.Z + Size.Z &&
        Offset.Y <= y && y < Offset.Y + Size.Y &&
        Offset.X <= x && x < Offset.X + Size.X;
}
