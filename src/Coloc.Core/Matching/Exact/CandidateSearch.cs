using Coloc.Core.Geometry;

namespace Coloc.Core.Matching.Exact;

/// <summary>
/// Finds every admissible pair between two point sets (scaled coordinates) with a <see cref="CandidateGrid"/> over
/// side B. Side-A points are taken in work order — by block (when a block size is given), then grid row, then x — and
/// each run of points in one grid row sweeps the 3×3 neighbouring rows of B with one pointer per row, so the search is
/// linear after one binary search per run. The distance is MagellanMapper's (<c>sqrt((dz² + dy²) + dx²)</c> of
/// pre-scaled coordinates); a pair is admissible iff it is <c>&lt; threshold</c>. Chunks of the work order run in
/// parallel; the resulting edge set does not depend on the order, the block size or the thread count.
/// </summary>
internal static class CandidateSearch
{
    private const int ChunkSize = 16384;

    public static CandidateEdges Find(
        (double[] Z, double[] Y, double[] X) a, (double[] Z, double[] Y, double[] X) b, double threshold,
        Zyx scaling, ZyxInt? blockSizeVoxels, int threads, CancellationToken ct)
    {
        var grid = new CandidateGrid(b.Z, b.Y, b.X, threshold);
        var (order, rowOf) = WorkOrder(a, grid, scaling, blockSizeVoxels);
        int chunks = (order.Length + ChunkSize - 1) / ChunkSize;
        var parts = new EdgeBuffer[chunks];
        var scale = new CostScale(threshold);
        double w = threshold * (1 + 1e-9);
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct }, k =>
        {
            var buf = new EdgeBuffer(ChunkSize);
            Span<int> ptr = stackalloc int[9];
            Span<int> end = stackalloc int[9];
            int rows = 0, lastRow = -2;
            double lastX = double.NegativeInfinity;
            var gx = grid.X;
            int stop = Math.Min(order.Length, (k + 1) * ChunkSize);
            for (int t = k * ChunkSize; t < stop; t++)
            {
                int i = order[t], row = rowOf[t];
                if (row < 0) continue;
                double qz = a.Z[i], qy = a.Y[i], qx = a.X[i], lo = qx - w, hi = qx + w;
                if (row != lastRow || qx < lastX)
                {
                    rows = grid.NeighbourRows(row, lo, ptr, end);
                    lastRow = row;
                }
                lastX = qx;
                for (int r = 0; r < rows; r++)
                {
                    int p = ptr[r], e = end[r];
                    while (p < e && gx[p] < lo) p++;
                    ptr[r] = p;
                    for (; p < e && gx[p] <= hi; p++)
                    {
                        double dz = qz - grid.SortedZ[p];
                        double dy = qy - grid.SortedY[p];
                        double dx = qx - gx[p];
                        double s = dz * dz;
                        s += dy * dy;
                        s += dx * dx;
                        double d = Math.Sqrt(s);
                        if (d < threshold) buf.Add(i, grid.Index[p], d);
                    }
                }
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

    /// <summary>
    /// Side-A points sorted by (block, query row, x, index) and their query rows (−1: no B point can be near).
    /// Without a block size: a counting sort by row, then x within each row.
    /// </summary>
    private static (int[] Order, int[] RowOf) WorkOrder((double[] Z, double[] Y, double[] X) a, CandidateGrid grid, Zyx scaling, ZyxInt? block)
    {
        int n = a.Z.Length;
        var row = new int[n];
        int maxRow = 0;
        for (int i = 0; i < n; i++) maxRow = Math.Max(maxRow, row[i] = grid.QueryRow(a.Z[i], a.Y[i]));
        var order = new int[n];
        if (block is { } bs)
        {
            var keys = new Key[n];
            for (int i = 0; i < n; i++)
            {
                // Block of the (unscaled) coordinate; 21 bits per axis is plenty for an ordering key.
                long bz = (long)Math.Floor(a.Z[i] / scaling.Z / bs.Z) & 0x1FFFFF;
                long by = (long)Math.Floor(a.Y[i] / scaling.Y / bs.Y) & 0x1FFFFF;
                long bx = (long)Math.Floor(a.X[i] / scaling.X / bs.X) & 0x1FFFFF;
                keys[i] = new Key((bz << 42) | (by << 21) | bx, row[i], a.X[i], i);
            }
            keys.AsSpan().Sort(new KeyComparer());
            for (int t = 0; t < n; t++) order[t] = keys[t].Index;
        }
        else
        {
            // Rows are −1 (skipped) or 0..maxRow: counting sort on row + 1, then x within each row.
            var start = new int[maxRow + 3];
            foreach (int r in row) start[r + 2]++;
            for (int r = 0; r < maxRow + 2; r++) start[r + 1] += start[r];
            for (int i = 0; i < n; i++) order[start[row[i] + 1]++] = i;
            var x = new double[n];
            for (int t = 0; t < n; t++) x[t] = a.X[order[t]];
            int s = 0;
            for (int r = -1; r <= maxRow; r++)
            {
                int e = start[r + 1];
                if (e - s > 1) Array.Sort(x, order, s, e - s);
                s = e;
            }
        }
        var rowOf = new int[n];
        for (int t = 0; t < n; t++) rowOf[t] = row[order[t]];
        return (order, rowOf);
    }

    private readonly record struct Key(long Block, int Row, double X, int Index);

    private readonly struct KeyComparer : IComparer<Key>
    {
        public int Compare(Key p, Key q)
        {
            int c = p.Block.CompareTo(q.Block);
            if (c != 0) return c;
            c = p.Row.CompareTo(q.Row);
            if (c != 0) return c;
            c = p.X.CompareTo(q.X);
            return c != 0 ? c : p.Index.CompareTo(q.Index);
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
