using System.Numerics;
using Coloc.Core.Blobs;
using Coloc.Core.Image;

namespace Coloc.Core.Intensity;

/// <summary>
/// The pixel values under each blob's region (see <see cref="IntensityColocalizer"/>) in every compared channel,
/// collected in one z sweep without label images. A voxel of blob m's ball belongs to m unless a later blob of the
/// same channel (higher member index = later input row) also covers it — which is what MagellanMapper's label image,
/// grey-dilated with the ball, says. Two balls of radius 2 can share voxels only if their centres are at most 4 apart,
/// so each blob first collects those later neighbours (<see cref="LaterNeighbours"/>); for plane z every blob whose
/// centre lies within 2 planes marks the voxels of its cross-section it owns and reads them (row-major) in every
/// channel. Memory: the image planes being read plus 33 values per blob and channel.
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

    /// <summary>Collects the values; with <paramref name="threads"/> &gt; 1 the channels are swept concurrently (disjoint outputs, same result).</summary>
    internal static BallRegions Sample<T>(IReadOnlyList<IVolume<T>> image, IReadOnlyList<Blob> blobs, List<int> members, int[] channels, int threads)
        where T : unmanaged, INumberBase<T>
    {
        var shape = image[0].Shape;
        int k = channels.Length, n = members.Count;
        var result = new BallRegions(n, k);
        if (n == 0) return result;
        var c = new (int Z, int Y, int X, int Channel)[n];
        var byZ = new List<int>[shape.Z];
        for (int m = 0; m < n; m++)
        {
            var b = blobs[members[m]];
            c[m] = ((int)b.Z, (int)b.Y, (int)b.X, (int)b.Channel);
            (byZ[c[m].Z] ??= new List<int>()).Add(m);
        }
        // Visit blobs in y,x order within a plane for memory locality; ownership does not depend on visiting order.
        foreach (var list in byZ) list?.Sort((a, b) => c[a].Y != c[b].Y ? c[a].Y.CompareTo(c[b].Y) : c[a].X != c[b].X ? c[a].X.CompareTo(c[b].X) : a.CompareTo(b));
        var later = LaterNeighbours(c);

        var counts = new byte[k][];
        if (threads <= 1 || k == 1)
        {
            for (int s2 = 0; s2 < k; s2++) counts[s2] = Sweep(image[channels[s2]], s2, k, c, byZ, later, result._values);
        }
        else
        {
            try
            {
                Parallel.For(0, k, new ParallelOptions { MaxDegreeOfParallelism = threads }, s2 =>
                    counts[s2] = Sweep(image[channels[s2]], s2, k, c, byZ, later, result._values));
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
        }
        counts[0].CopyTo(result._counts, 0);   // the same for every channel: ownership does not depend on intensities
        return result;
    }

    /// <summary>One channel's z sweep: for each plane, the owned voxels of every blob within 2 planes, read row-major into <paramref name="values"/> (slot <paramref name="slot"/>). Returns the region sizes.</summary>
    private static byte[] Sweep<T>(IVolume<T> volume, int slot, int k, (int Z, int Y, int X, int Channel)[] c, List<int>?[] byZ, int[]?[] later, double[] values)
        where T : unmanaged, INumberBase<T>
    {
        var shape = volume.Shape;
        int ny = shape.Y, nx = shape.X, r = BallFootprint.Radius;
        var counts = new byte[c.Length];
        for (int z = 0; z < shape.Z; z++)
        {
            int z0 = Math.Max(0, z - r), z1 = Math.Min(shape.Z - 1, z + r);
            bool any = false;
            for (int zc = z0; zc <= z1 && !any; zc++) any = byZ[zc] is not null;
            if (!any) continue;
            var plane = volume.Plane(z);
            for (int zc = z0; zc <= z1; zc++)
            {
                if (byZ[zc] is not { } list) continue;
                var section = BallFootprint.Sections[z - zc + r];
                foreach (int m in list)
                {
                    uint bits = Owned(c, later[m], m, z, ny, nx);
                    int count = counts[m];
                    var dst = values.AsSpan(((m * k) + slot) * BallFootprint.Size, BallFootprint.Size);
                    int cy = c[m].Y, cx = c[m].X;
                    for (int i = 0; bits != 0; i++, bits >>= 1)
                        if ((bits & 1) != 0)
                            dst[count++] = double.CreateTruncating(plane[(cy + section[i].Dy) * nx + cx + section[i].Dx]);
                    counts[m] = (byte)count;
                }
            }
        }
        return counts;
    }

    /// <summary>Which voxels of member m's cross-section at plane z lie in the image and are covered by no later neighbour.</summary>
    private static uint Owned((int Z, int Y, int X, int Channel)[] c, int[]? later, int m, int z, int ny, int nx)
    {
        var section = BallFootprint.Sections[z - c[m].Z + BallFootprint.Radius];
        uint bits = 0;
        for (int i = 0; i < section.Length; i++)
        {
            int y = c[m].Y + section[i].Dy, x = c[m].X + section[i].Dx;
            if ((uint)y >= (uint)ny || (uint)x >= (uint)nx) continue;
            bool mine = true;
            if (later is not null)
                foreach (int j in later)
                {
                    int dz = z - c[j].Z, dy = y - c[j].Y, dx = x - c[j].X;
                    if (dz * dz + dy * dy + dx * dx <= BallFootprint.Radius * BallFootprint.Radius) { mine = false; break; }
                }
            if (mine) bits |= 1u << i;
        }
        return bits;
    }

    /// <summary>For each member, the later members of its channel whose centre is at most 4 voxels away (balls can overlap), or null.</summary>
    private static int[]?[] LaterNeighbours((int Z, int Y, int X, int Channel)[] c)
    {
        const int cell = 2 * BallFootprint.Radius;   // centres ≤ 4 apart lie in the same or neighbouring cells
        static long Key(int ch, int z, int y, int x) => ((((long)ch * 65536 + z) * 1048576) + y) * 1048576 + x;
        int n = c.Length;
        var keys = new long[n];
        var order = new int[n];
        for (int m = 0; m < n; m++)
        {
            keys[m] = Key(c[m].Channel, c[m].Z / cell, c[m].Y / cell, c[m].X / cell);
            order[m] = m;
        }
        var sortedKeys = (long[])keys.Clone();
        Array.Sort(sortedKeys, order);   // members grouped by cell; a cell's members are order[start..start+count)
        var cells = new Dictionary<long, (int Start, int Count)>();
        for (int i = 0; i < n;)
        {
            int j = i;
            while (j < n && sortedKeys[j] == sortedKeys[i]) j++;
            cells[sortedKeys[i]] = (i, j - i);
            i = j;
        }
        var result = new int[]?[n];
        var found = new List<int>();
        for (int m = 0; m < n; m++)
        {
            found.Clear();
            int gz = c[m].Z / cell, gy = c[m].Y / cell, gx = c[m].X / cell;
            for (int dz = -1; dz <= 1; dz++)
            for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++)
            {
                if (gz + dz < 0 || gy + dy < 0 || gx + dx < 0) continue;
                if (!cells.TryGetValue(Key(c[m].Channel, gz + dz, gy + dy, gx + dx), out var run)) continue;
                for (int t = run.Start; t < run.Start + run.Count; t++)
                {
                    int j = order[t];
                    if (j <= m) continue;
                    int a = c[j].Z - c[m].Z, b = c[j].Y - c[m].Y, d = c[j].X - c[m].X;
                    if (a * a + b * b + d * d <= cell * cell) found.Add(j);
                }
            }
            if (found.Count > 0)
            {
                found.Sort();
                result[m] = found.ToArray();
            }
        }
        return result;
    }
}
