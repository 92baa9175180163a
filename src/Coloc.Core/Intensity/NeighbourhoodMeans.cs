using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Image;

namespace Coloc.Core.Intensity;

/// <summary>
/// The per-blob part of MagellanMapper's intensity colocalization (<c>colocalize_blobs</c>; see <see
/// cref="IntensityColocalizer"/>), computed sparsely so that it can run block by block: the mean intensity of every
/// channel over a blob's labelled neighbourhood.
/// </summary>
/// <remarks>
/// A blob's labelled neighbourhood is the set of image voxels v with <c>|v − t|² ≤ 4</c> (the 33-voxel ball of radius
/// 2 around its truncated centre t) that no <em>later</em> blob of the same channel also reaches, where "later" is
/// the canonical order (<see cref="Pipeline.BlobOrder"/>); this equals MagellanMapper's label volume (later index written last)
/// dilated by a grey maximum over the ball. Means visit the voxels in z,y,x row-major order and add them as NumPy's
/// pairwise sum does for ≤ 128 values (fewer than 8: left to right; else eight interleaved partial sums combined as
/// ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the rest left to right), then divide by the count; an empty
/// neighbourhood gives NaN. Only blobs within 4 voxels of a blob can change its neighbourhood, so a block needs the
/// blobs within 4 voxels of its core and the pixels within 2.
/// </remarks>
public static class NeighbourhoodMeans
{
    /// <summary>Ball radius in voxels.</summary>
    public const int BallRadiusVoxels = 2;

    /// <summary>Distance (voxels, per axis) within which another blob can take part of a blob's neighbourhood.</summary>
    public const int InteractionVoxels = 2 * BallRadiusVoxels;

    private static readonly ZyxInt[] Ball = BuildBall();

    /// <summary>
    /// Means for the blobs at <paramref name="targets"/>: row r of the result (length <c>targets.Count × C</c>,
    /// C = channel count of <paramref name="image"/>) holds channel 0..C−1's mean over the neighbourhood of blob
    /// <c>targets[r]</c>.
    /// </summary>
    /// <param name="image">The image, or the region of it that starts at <paramref name="originVoxels"/>; voxels outside it count as outside the image, so a region must hold every voxel within 2 of the targets.</param>
    /// <param name="blobs">Every blob that can reach a target's ball, in canonical order (ranks = positions), image coordinates.</param>
    /// <param name="targets">Positions in <paramref name="blobs"/> to compute.</param>
    /// <param name="originVoxels">Image voxel of the region's first voxel (default 0,0,0: the whole image).</param>
    public static double[] Compute<T>(MultiChannelVolume<T> image, IReadOnlyList<Blob> blobs, IReadOnlyList<int> targets, ZyxInt originVoxels = default)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(targets);
        int nc = image.Channels.Count;
        var shape = image.Shape;
        var centres = new ZyxInt[blobs.Count];
        var cells = new Dictionary<(int Channel, int Z, int Y, int X), List<int>>();
        for (int i = 0; i < blobs.Count; i++)
        {
            var b = blobs[i];
            // Truncate in image coordinates (as MagellanMapper does), then move into the region.
            centres[i] = new ZyxInt((int)Math.Truncate(b.Z) - originVoxels.Z, (int)Math.Truncate(b.Y) - originVoxels.Y, (int)Math.Truncate(b.X) - originVoxels.X);
            var key = ((int)b.Channel, Cell(centres[i].Z), Cell(centres[i].Y), Cell(centres[i].X));
            if (!cells.TryGetValue(key, out var list)) cells[key] = list = [];
            list.Add(i);
        }
        var result = new double[targets.Count * nc];
        var later = new List<ZyxInt>();
        var voxels = new List<ZyxInt>(Ball.Length);
        var values = new double[Ball.Length];
        for (int r = 0; r < targets.Count; r++)
        {
            int i = targets[r];
            if ((uint)i >= (uint)blobs.Count) throw new ArgumentOutOfRangeException(nameof(targets), i, "target is not a blob position");
            int ch = (int)blobs[i].Channel;
            var t = centres[i];
            later.Clear();
            for (int dz = -1; dz <= 1; dz++)
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++)
                        if (cells.TryGetValue((ch, Cell(t.Z) + dz, Cell(t.Y) + dy, Cell(t.X) + dx), out var list))
                            foreach (int j in list)
                                if (j > i && Dist2(centres[j], t) <= InteractionVoxels * InteractionVoxels) later.Add(centres[j]);
            voxels.Clear();
            foreach (var d in Ball)
            {
                var v = new ZyxInt(t.Z + d.Z, t.Y + d.Y, t.X + d.X);
                if ((uint)v.Z >= (uint)shape.Z || (uint)v.Y >= (uint)shape.Y || (uint)v.X >= (uint)shape.X) continue;
                bool taken = false;
                foreach (var u in later)
                    if (Dist2(u, v) <= BallRadiusVoxels * BallRadiusVoxels) { taken = true; break; }
                if (!taken) voxels.Add(v);
            }
            for (int c = 0; c < nc; c++)
            {
                var vol = image.Channels[c];
                for (int k = 0; k < voxels.Count; k++)
                {
                    var v = voxels[k];
                    values[k] = ToDouble(vol.Plane(v.Z)[v.Y * shape.X + v.X]);
                }
                result[r * nc + c] = voxels.Count == 0 ? double.NaN : PairwiseSum(values.AsSpan(0, voxels.Count)) / voxels.Count;
            }
        }
        return result;
    }

    private static int Cell(int v) => v >> 2; // cells of InteractionVoxels = 4 voxels (floor division, also for v < 0)

    private static int Dist2(ZyxInt a, ZyxInt b)
    {
        int dz = a.Z - b.Z, dy = a.Y - b.Y, dx = a.X - b.X;
        return dz * dz + dy * dy + dx * dx;
    }

    /// <summary>NumPy's pairwise sum for up to 128 values (see remarks of the class).</summary>
    public static double PairwiseSum(ReadOnlySpan<double> a)
    {
        if (a.Length > 128) throw new ArgumentOutOfRangeException(nameof(a), a.Length, "at most 128 values");
        if (a.Length < 8)
        {
            double s = 0;
            foreach (var v in a) s += v;
            return s;
        }
        Span<double> r = stackalloc double[8];
        a[..8].CopyTo(r);
        int n8 = a.Length - a.Length % 8;
        for (int i = 8; i < n8; i += 8)
            for (int j = 0; j < 8; j++) r[j] += a[i + j];
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (int i = n8; i < a.Length; i++) res += a[i];
        return res;
    }

    private static double ToDouble<T>(T value) where T : unmanaged => value switch
    {
        byte b => b,
        ushort u => u,
        short s => s,
        int i => i,
        uint u32 => u32,
        float f => f,
        double d => d,
        _ => throw new NotSupportedException($"pixel type {typeof(T).Name} is not supported"),
    };

    private static ZyxInt[] BuildBall()
    {
        var list = new List<ZyxInt>();
        for (int z = -BallRadiusVoxels; z <= BallRadiusVoxels; z++)
            for (int y = -BallRadiusVoxels; y <= BallRadiusVoxels; y++)
                for (int x = -BallRadiusVoxels; x <= BallRadiusVoxels; x++)
                    if (z * z + y * y + x * x <= BallRadiusVoxels * BallRadiusVoxels) list.Add(new ZyxInt(z, y, x));
        return list.ToArray(); // z, y, x row-major order: the order NumPy's mask selection visits voxels
    }
}
