using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
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

    /// <summary>
    /// Collects the values of the <paramref name="targets"/>' regions; with <paramref name="threads"/> &gt; 1 the
    /// channels are swept concurrently (disjoint outputs, same result). Region r of the result is that of
    /// <c>centres[targets[r]]</c>.
    /// </summary>
    /// <param name="image">The volumes to read (one per compared channel), all of one shape.</param>
    /// <param name="centres">Truncated blob centres (voxels, relative to <paramref name="image"/>, may lie outside it) with their channel; a higher index is a later blob.</param>
    /// <param name="targets">Indices into <paramref name="centres"/> whose regions are wanted; their centres lie in the image.</param>
    /// <param name="threads">Channels swept at once (≥ 1).</param>
    internal static BallRegions Sample<T>(IReadOnlyList<IVolume<T>> image, Centre[] centres, int[] targets, int threads)
        where T : unmanaged
    {
        int k = image.Count, n = targets.Length;
        var result = new BallRegions(n, k);
        if (n == 0 || k == 0) return result;
        var shape = image[0].Shape;
        var c = new Centre[n];
        var byZ = new List<int>[shape.Z];
        for (int r = 0; r < n; r++)
        {
            c[r] = centres[targets[r]];
            if ((uint)c[r].Z >= (uint)shape.Z || (uint)c[r].Y >= (uint)shape.Y || (uint)c[r].X >= (uint)shape.X)
                throw new ArgumentException($"target {targets[r]} lies outside the image", nameof(targets));
            (byZ[c[r].Z] ??= new List<int>()).Add(r);
        }
        // Visit blobs in y,x order within a plane for memory locality; ownership does not depend on visiting order.
        foreach (var list in byZ) list?.Sort((a, b) => c[a].Y != c[b].Y ? c[a].Y.CompareTo(c[b].Y) : c[a].X != c[b].X ? c[a].X.CompareTo(c[b].X) : a.CompareTo(b));
        var later = LaterNeighbours(centres, targets);

        var counts = new byte[k][];
        if (threads <= 1 || k == 1)
        {
            for (int s2 = 0; s2 < k; s2++) counts[s2] = Sweep(image[s2], s2, k, c, byZ, later, result._values);
        }
        else
        {
            try
            {
                Parallel.For(0, k, new ParallelOptions { MaxDegreeOfParallelism = threads }, s2 =>
                    counts[s2] = Sweep(image[s2], s2, k, c, byZ, later, result._values));
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
    private static byte[] Sweep<T>(IVolume<T> volume, int slot, int k, Centre[] c, List<int>?[] byZ, Centre[]?[] later, double[] values)
        where T : unmanaged
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
                            dst[count++] = PixelConversion.Raw(plane[(cy + section[i].Dy) * nx + cx + section[i].Dx]);
                    counts[m] = (byte)count;
                }
            }
        }
        return counts;
    }

    /// <summary>Which voxels of member m's cross-section at plane z lie in the image and are covered by no later neighbour.</summary>
    private static uint Owned(Centre[] c, Centre[]? later, int m, int z, int ny, int nx)
    {
        var section = BallFootprint.Sections[z - c[m].Z + BallFootprint.Radius];
        uint bits = 0;
        for (int i = 0; i < section.Length; i++)
        {
            int y = c[m].Y + section[i].Dy, x = c[m].X + section[i].Dx;
            if ((uint)y >= (uint)ny || (uint)x >= (uint)nx) continue;
            bool mine = true;
            if (later is not null)
                foreach (var u in later)
                {
                    int dz = z - u.Z, dy = y - u.Y, dx = x - u.X;
                    if (dz * dz + dy * dy + dx * dx <= BallFootprint.Radius * BallFootprint.Radius) { mine = false; break; }
                }
            if (mine) bits |= 1u << i;
        }
        return bits;
    }

    /// <summary>For each target, the centres of the later blobs of its channel at most 4 voxels away (their balls can overlap), in index order, or null.</summary>
    private static Centre[]?[] LaterNeighbours(Centre[] c, int[] targets)
    {
        const int cell = 2 * BallFootprint.Radius;   // centres ≤ 4 apart lie in the same or neighbouring cells
        const int bias = 1 << 19;                   // cells may be negative (centres outside the image)
        static int CellOf(int v) => (int)Math.Floor(v / (double)cell);
        static long Key(int ch, int z, int y, int x) => ((((long)ch * 65536 + z + (bias >> 4)) * 1048576) + y + bias) * 1048576 + x + bias;
        int n = c.Length;
        var keys = new long[n];
        var order = new int[n];
        for (int m = 0; m < n; m++)
        {
            keys[m] = Key(c[m].Channel, CellOf(c[m].Z), CellOf(c[m].Y), CellOf(c[m].X));
            order[m] = m;
        }
        Array.Sort(keys, order);   // blobs grouped by cell; a cell's blobs are order[start..start+count)
        var cells = new Dictionary<long, (int Start, int Count)>();
        for (int i = 0; i < n;)
        {
            int j = i;
            while (j < n && keys[j] == keys[i]) j++;
            cells[keys[i]] = (i, j - i);
            i = j;
        }
        var result = new Centre[]?[targets.Length];
        var found = new List<int>();
        for (int r = 0; r < targets.Length; r++)
        {
            int m = targets[r];
            found.Clear();
            int gz = CellOf(c[m].Z), gy = CellOf(c[m].Y), gx = CellOf(c[m].X);
            for (int dz = -1; dz <= 1; dz++)
            for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++)
            {
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
                result[r] = found.Select(j => c[j]).ToArray();
            }
        }
        return result;
    }

    /// <summary>A blob's truncated centre (voxels) and channel.</summary>
    internal readonly record struct Centre(int Z, int Y, int X, int Channel)
    {
        /// <summary>Blob <paramref name="b"/>'s centre truncated in image coordinates, then moved into the region that starts at image voxel <paramref name="originVoxels"/>.</summary>
        internal static Centre Of(Blob b, ZyxInt originVoxels) =>
            new((int)Math.Truncate(b.Z) - originVoxels.Z, (int)Math.Truncate(b.Y) - originVoxels.Y, (int)Math.Truncate(b.X) - originVoxels.X, (int)b.Channel);
    }
}
