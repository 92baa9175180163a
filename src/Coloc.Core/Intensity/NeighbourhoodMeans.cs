using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Image;

namespace Coloc.Core.Intensity;

/// <summary>
/// The per-blob part of MagellanMapper's intensity colocalization (<c>colocalize_blobs</c>), computed
/// sparsely so that it can run block by block: the mean intensity of every channel over a blob's labelled
/// neighbourhood. The same regions and means as <see cref="IntensityColocalizer"/> (both use <see cref="BallRegions"/>).
/// </summary>
/// <remarks>
/// A blob's labelled neighbourhood is the set of image voxels v with <c>|v − t|² ≤ 4</c> (the 33-voxel ball of radius
/// 2 around its truncated centre t) that no <em>later</em> blob of the same channel also reaches, where "later" is
/// the canonical order (<see cref="BlobOrder"/>); this equals MagellanMapper's label volume (later index written last)
/// dilated by a grey maximum over the ball. Means are NumPy float64 means of the voxels in z,y,x row-major order
/// (<see cref="NumpyStats.Mean"/>); an empty neighbourhood gives NaN. Only blobs within 4 voxels of a blob can change
/// its neighbourhood, so a block needs the blobs within 4 voxels of its core and the pixels within 2.
/// </remarks>
public static class NeighbourhoodMeans
{
    /// <summary>Ball radius in voxels.</summary>
    public const int BallRadiusVoxels = BallFootprint.Radius;

    /// <summary>Distance (voxels, per axis) within which another blob can take part of a blob's neighbourhood.</summary>
    public const int InteractionVoxels = 2 * BallRadiusVoxels;

    /// <summary>
    /// Means for the blobs at <paramref name="targets"/>: row r of the result (length <c>targets.Count × C</c>,
    /// C = channel count of <paramref name="image"/>) holds channel 0..C−1's mean over the neighbourhood of blob
    /// <c>targets[r]</c>.
    /// </summary>
    /// <param name="image">The image, or the region of it that starts at <paramref name="originVoxels"/>; voxels outside it count as outside the image, so a region must hold every voxel within 2 of the targets.</param>
    /// <param name="blobs">Every blob that can reach a target's ball, in canonical order (ranks = positions), image coordinates.</param>
    /// <param name="targets">Positions in <paramref name="blobs"/> to compute; their centres lie in the region.</param>
    /// <param name="originVoxels">Image voxel of the region's first voxel (default 0,0,0: the whole image).</param>
    /// <exception cref="ArgumentException">A target's centre lies outside the region.</exception>
    public static double[] Compute<T>(MultiChannelVolume<T> image, IReadOnlyList<Blob> blobs, IReadOnlyList<int> targets, ZyxInt originVoxels = default)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(targets);
        int nc = image.Channels.Count;
        var centres = new BallRegions.Centre[blobs.Count];
        for (int i = 0; i < blobs.Count; i++) centres[i] = BallRegions.Centre.Of(blobs[i], originVoxels);
        var at = new int[targets.Count];
        for (int r = 0; r < at.Length; r++)
        {
            at[r] = targets[r];
            if ((uint)at[r] >= (uint)blobs.Count) throw new ArgumentOutOfRangeException(nameof(targets), at[r], "target is not a blob position");
        }
        var regions = BallRegions.Sample(image.Channels, centres, at, threads: 1);
        var result = new double[at.Length * nc];
        for (int r = 0; r < at.Length; r++)
            for (int c = 0; c < nc; c++) result[r * nc + c] = regions.Mean(r, c);
        return result;
    }
}
