using Coloc.Core.Geometry;

namespace Coloc.Core.Exact;

/// <summary>
/// Finds every admissible pair between two point sets (scaled coordinates) with a <see cref="CandidateGrid"/> over
/// side B: each side-A point looks at the 3×3 grid rows around it. The distance is MagellanMapper's
/// (<c>sqrt((dz² + dy²) + dx²)</c> of pre-scaled coordinates); admissible iff <c>&lt; threshold</c>. Work is divided
/// into chunks of side-A points taken in block order and run in parallel; the edge set does not depend on the order.
/// </summary>
internal static class CandidateSearch
{
    private const int ChunkSize = 8192;

    public static CandidateEdges Find(
        (double[] Z, double[] Y, double[] X) a, (double[] Z, double[] Y, double[] X) b, double threshold,
        Zyx scaling, ZyxInt? blockSizeVoxels, int threads, CancellationToken ct)
    {
        var grid = new CandidateGrid(b.Z, b.Y, b.X, threshold);
        int[] order = WorkOrder(a, grid, scaling, blockSizeVoxels);
        int chunks = (order.Length + ChunkSize - 1) / ChunkSize;
        var parts = new EdgeBuffer[chunks];
        var scale = new CostScale(threshold);
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct }, k =>
        {
            var buf = new EdgeBuffer(ChunkSize);
            var v = new Visitor { Grid = grid, Out = buf, Threshold = threshold };
            int end = Math.Min(order.Length, (k + 1) * ChunkSize);
            for (int t = k * ChunkSize; t < end; t++)
            {
                int i = order[t];
                v.Point = i;
                v.Qz = a.Z[i]; v.Qy = a.Y[i]; v.Qx = a.X[i];
                grid.Query(v.Qz, v.Qy, v.Qx, threshold, ref v);
            }
            buf.Quantize(scale);
            parts[k] = buf;
        });
        int total = 0;
        foreach (var p in parts) total += p.Count;
        var ea = new int[total];
        var eb = new int[total];
        var ec = new long[total];
        int o = 0;
        foreach (var p in parts)
        {
            Array.Copy(p.A, 0, ea, o, p.Count);
            Array.Copy(p.B, 0, eb, o, p.Count);
            Array.Copy(p.Cost, 0, ec, o, p.Count);
            o += p.Count;
        }
        return new CandidateEdges(ea, eb, ec);
    }

    /// <summary>Side-A points ordered by block (or by grid row when no block size is given), ties by index.</summary>
    private static int[] WorkOrder((double[] Z, double[] Y, double[] X) a, CandidateGrid grid, Zyx scaling, ZyxInt? block)
    {
        int n = a.Z.Length;
        var keys = new long[n];
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
            if (block is { } bs)
            {
                // Block of the unscaled coordinate; 21 bits per axis is plenty for a sort key (wraps harmlessly).
                long bz = (long)Math.Floor(a.Z[i] / scaling.Z / bs.Z) & 0x1FFFFF;
                long by = (long)Math.Floor(a.Y[i] / scaling.Y / bs.Y) & 0x1FFFFF;
                long bx = (long)Math.Floor(a.X[i] / scaling.X / bs.X) & 0x1FFFFF;
                keys[i] = (bz << 42) | (by << 21) | bx;
            }
            else
            {
                keys[i] = grid.RowKey(a.Z[i], a.Y[i]);
            }
        }
        Array.Sort(keys, order);
        return order;
    }

    private struct Visitor : IGridVisitor
    {
        public CandidateGrid Grid;
        public EdgeBuffer Out;
        public double Threshold, Qz, Qy, Qx;
        public int Point;

        public void Visit(int k)
        {
            double dz = Qz - Grid.SortedZ[k];
            double dy = Qy - Grid.SortedY[k];
            double dx = Qx - Grid.X[k];
            double s = dz * dz;
            s += dy * dy;
            s += dx * dx;
            double d = Math.Sqrt(s);
            if (d < Threshold) Out.Add(Point, Grid.Index[k], d);
        }
    }

    private sealed class EdgeBuffer(int capacity)
    {
        public int[] A = new int[capacity];
        public int[] B = new int[capacity];
        public double[] D = new double[capacity];
        public long[] Cost = [];
        public int Count;

        public void Add(int a, int b, double d)
        {
            if (Count == A.Length)
            {
                Array.Resize(ref A, Count * 2);
                Array.Resize(ref B, Count * 2);
                Array.Resize(ref D, Count * 2);
            }
            A[Count] = a; B[Count] = b; D[Count] = d;
            Count++;
        }

        public void Quantize(CostScale scale)
        {
            Cost = new long[Count];
            for (int i = 0; i < Count; i++) Cost[i] = scale.Quantize(D[i]);
            D = [];
        }
    }
}
