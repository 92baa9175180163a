using Coloc.Core.Geometry;

namespace Coloc.Core.Regions;

/// <summary>
/// Maps full-resolution blob coordinates (voxels, z,y,x) to voxels of a lower-resolution labels grid, as
/// MagellanMapper's <c>ontology.scale_coords(coords, scaling, clip_shape)</c> does:
/// <c>index = round_half_even(coord · scaling)</c> per axis (a plain float64 multiply, so 12.500000000000002 → 13
/// but 12.5 → 12), then clipped to <c>shape − 1</c> at the top only.
/// <para>Difference from MagellanMapper (fixed here): an index below 0 after rounding (a scaled coordinate ≤ −0.5
/// other than exactly −0.5, e.g. −0.75 → −1) is <see cref="GridPlacement.Outside"/>; MagellanMapper keeps it and numpy
/// indexes from the far end of the axis (−1 → last slice). −0.5 rounds to 0 and is inside, as in MagellanMapper.
/// Non-finite coordinates are also outside.</para>
/// </summary>
/// <param name="Scaling">Labels voxels per full-resolution voxel, z,y,x (MagellanMapper's <c>labels_shape / full_shape</c>).</param>
/// <param name="Shape">The labels grid shape, voxels, z,y,x.</param>
public readonly record struct GridScaler(Zyx Scaling, ZyxInt Shape)
{
    /// <summary>
    /// The scaler for an image of <paramref name="fullShape"/> and labels of <paramref name="labelsShape"/>:
    /// scaling = labelsShape / fullShape per axis in float64, as <c>importer.calc_scaling</c> (<c>np.divide</c>).
    /// </summary>
    public static GridScaler FromShapes(ZyxInt fullShape, ZyxInt labelsShape) =>
        new(new Zyx((double)labelsShape.Z / fullShape.Z, (double)labelsShape.Y / fullShape.Y, (double)labelsShape.X / fullShape.X),
            labelsShape);

    /// <summary>
    /// Places <paramref name="coord"/> (full-resolution voxels): returns where it lands and, unless
    /// <see cref="GridPlacement.Outside"/>, its flat C-order index in the grid (otherwise −1).
    /// </summary>
    public GridPlacement Place(Zyx coord, out long flatIndex)
    {
        flatIndex = -1;
        bool clipped = false;
        long iz = Axis(coord.Z * Scaling.Z, Shape.Z, ref clipped);
        long iy = Axis(coord.Y * Scaling.Y, Shape.Y, ref clipped);
        long ix = Axis(coord.X * Scaling.X, Shape.X, ref clipped);
        if (iz < 0 || iy < 0 || ix < 0) return GridPlacement.Outside;
        flatIndex = (iz * Shape.Y + iy) * Shape.X + ix;
        return clipped ? GridPlacement.ClippedAtTop : GridPlacement.Inside;
    }

    /// <summary>One axis: round half to even, clip at <c>n − 1</c>; −1 when below 0 or not finite.</summary>
    private static long Axis(double scaled, int n, ref bool clipped)
    {
        if (!double.IsFinite(scaled)) return -1;
        double r = Math.Round(scaled, MidpointRounding.ToEven);
        if (r < 0) return -1;
        if (r > n - 1)
        {
            clipped = true;
            return n - 1;
        }
        return (long)r;
    }
}
