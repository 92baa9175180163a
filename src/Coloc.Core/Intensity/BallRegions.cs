using System.Numerics;
using Coloc.Core.Blobs;
using Coloc.Core.Imaging;

namespace Coloc.Core.Intensity;

/// <summary>
/// The pixel values under each blob's region (see <see cref="IntensityColocalizer"/>) in every compared channel,
/// collected in one z sweep: for plane z the label plane of each channel is stamped with the ball cross-sections of
/// the blobs whose centre lies within 2 planes (higher member index wins), each blob reads the voxels of its
/// cross-section that carry its own label (row-major), and the stamps are cleared again.
/// </summary>
internal sealed class BallRegions
{
    private readonly double[] _values;   // [member][slot][0..33)
    private readonly byte[] _counts;     // voxels in each member's region
    private readonly int _slots;

    private BallRegions(int members, int slots)
    {
        _slots = slots;
        _values = new double[checked((long)members * slots * BallFootprint.Size)];
        _counts = new byte[members];
    }

    /// <summary>The values of compared channel <paramref name="slot"/> under member <paramref name="m"/>'s region, row-major.</summary>
    internal ReadOnlySpan<double> Values(int m, int slot) =>
        _values.AsSpan(((m * _slots) + slot) * BallFootprint.Size, _counts[m]);

    /// <summary>NumPy float64 mean of <see cref="Values"/>; NaN for an empty region.</summary>
    internal double Mean(int m, int slot) => NumpyStats.Mean(Values(m, slot));

    internal static BallRegions Sample<T>(IReadOnlyList<IVolume<T>> image, IReadOnlyList<Blob> blobs, List<int> members, int[] channels)
        where T : unmanaged, INumberBase<T>
    {
        var shape = image[0].Shape;
        int ny = shape.Y, nx = shape.X, k = channels.Length, r = BallFootprint.Radius;
        var result = new BallRegions(members.Count, k);
        if (members.Count == 0) return result;
        var slotOf = new int[image.Count];
        Array.Fill(slotOf, -1);
        for (int s = 0; s < k; s++) slotOf[channels[s]] = s;

        var cz = new int[members.Count];
        var cy = new int[members.Count];
        var cx = new int[members.Count];
        var cs = new int[members.Count];
        var byZ = new List<int>[shape.Z];
        for (int m = 0; m < members.Count; m++)
        {
            var b = blobs[members[m]];
            (cz[m], cy[m], cx[m], cs[m]) = ((int)b.Z, (int)b.Y, (int)b.X, slotOf[(int)b.Channel]);
            (byZ[cz[m]] ??= new List<int>()).Add(m);
        }
        var labels = new int[k][];
        for (int s = 0; s < k; s++)
        {
            labels[s] = new int[checked(ny * nx)];
            Array.Fill(labels[s], -1);
        }
        var active = new List<int>();
        var local = new int[members.Count];
        for (int z = 0; z < shape.Z; z++)
        {
            active.Clear();
            for (int zc = Math.Max(0, z - r); zc <= Math.Min(shape.Z - 1, z + r); zc++)
                if (byZ[zc] is { } list) active.AddRange(list);
            if (active.Count == 0) continue;
            active.Sort();   // ascending member index = ascending input row: later blobs stamp last and win
            foreach (int m in active) Stamp(labels[cs[m]], m, z - cz[m], cy[m], cx[m], ny, nx, set: true);
            for (int s2 = 0; s2 < k; s2++)
            {
                var plane = image[channels[s2]].Plane(z);
                foreach (int m in active)
                {
                    var lab = labels[cs[m]];
                    int n = result._counts[m];
                    var dst = result._values.AsSpan(((m * k) + s2) * BallFootprint.Size, BallFootprint.Size);
                    foreach (var (dy, dx) in BallFootprint.Sections[z - cz[m] + r])
                    {
                        int y = cy[m] + dy, x = cx[m] + dx;
                        if ((uint)y >= (uint)ny || (uint)x >= (uint)nx) continue;
                        int p = y * nx + x;
                        if (lab[p] == m) dst[n++] = double.CreateTruncating(plane[p]);
                    }
                    local[m] = n;
                }
            }
            foreach (int m in active)
            {
                result._counts[m] = (byte)local[m];
                Stamp(labels[cs[m]], m, z - cz[m], cy[m], cx[m], ny, nx, set: false);
            }
        }
        return result;
    }

    private static void Stamp(int[] labels, int m, int dz, int cy, int cx, int ny, int nx, bool set)
    {
        foreach (var (dy, dx) in BallFootprint.Sections[dz + BallFootprint.Radius])
        {
            int y = cy + dy, x = cx + dx;
            if ((uint)y >= (uint)ny || (uint)x >= (uint)nx) continue;
            int p = y * nx + x;
            if (set) { if (labels[p] < m) labels[p] = m; }
            else labels[p] = -1;
        }
    }
}
