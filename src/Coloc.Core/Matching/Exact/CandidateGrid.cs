namespace Coloc.Core.Matching.Exact;

/// <summary>
/// A search structure over the scaled points of one side: points are bucketed into rows of a uniform z,y grid
/// (cell edge ≥ the distance threshold) and sorted by x within each row, so the points within the threshold of a
/// query lie in the 3×3 neighbouring rows inside an x window found by binary search. Memory O(points + rows).
/// </summary>
internal sealed class CandidateGrid
{
    private readonly double _originZ, _originY, _edge;
    private readonly int _rowsZ, _rowsY;

    /// <summary>Builds the grid over points (z[i], y[i], x[i]) in scaled coordinates.</summary>
    public CandidateGrid(double[] z, double[] y, double[] x, double threshold)
    {
        int n = z.Length;
        double minZ = double.PositiveInfinity, minY = double.PositiveInfinity, maxZ = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            minZ = Math.Min(minZ, z[i]); maxZ = Math.Max(maxZ, z[i]);
            minY = Math.Min(minY, y[i]); maxY = Math.Max(maxY, y[i]);
        }
        if (n == 0) { minZ = minY = maxZ = maxY = 0; }
        _originZ = minZ;
        _originY = minY;
        // A little wider than the threshold so rounding in the cell arithmetic can never hide a neighbour;
        // doubled until the row table stays proportional to the number of points.
        double edge = threshold * (1 + 1e-6);
        long limit = Math.Max(4096L, 4L * n);
        while (RowCount(maxZ - minZ, edge) * RowCount(maxY - minY, edge) > limit) edge *= 2;
        // (RowCount works in doubles, so even absurd extents cannot overflow the test.)
        _edge = edge;
        _rowsZ = (int)RowCount(maxZ - minZ, edge);
        _rowsY = (int)RowCount(maxY - minY, edge);

        int rows = _rowsZ * _rowsY;
        RowStart = new int[rows + 1];
        var rowOf = new int[n];
        for (int i = 0; i < n; i++)
        {
            rowOf[i] = Cell(z[i], _originZ) * _rowsY + Cell(y[i], _originY);
            RowStart[rowOf[i] + 1]++;
        }
        for (int r = 0; r < rows; r++) RowStart[r + 1] += RowStart[r];
        var fill = RowStart[..^1].ToArray();
        Index = new int[n];
        for (int i = 0; i < n; i++) Index[fill[rowOf[i]]++] = i;
        X = new double[n];
        for (int r = 0; r < rows; r++)
        {
            int s = RowStart[r], e = RowStart[r + 1];
            for (int k = s; k < e; k++) X[k] = x[Index[k]];
            if (e - s > 1) Array.Sort(X, Index, s, e - s);
        }
        SortedZ = new double[n];
        SortedY = new double[n];
        for (int k = 0; k < n; k++) { SortedZ[k] = z[Index[k]]; SortedY[k] = y[Index[k]]; }
    }

    /// <summary>Start of each row in the sorted arrays (length rows + 1).</summary>
    public int[] RowStart { get; }

    /// <summary>Point index of each sorted position.</summary>
    public int[] Index { get; }

    /// <summary>Scaled x of each sorted position (ascending within a row).</summary>
    public double[] X { get; }

    /// <summary>Scaled z of each sorted position.</summary>
    public double[] SortedZ { get; }

    /// <summary>Scaled y of each sorted position.</summary>
    public double[] SortedY { get; }

    /// <summary>The grid row of a scaled (z, y) query, or −1 when it lies outside the grid's z,y range by more than one row.</summary>
    public int QueryRow(double z, double y)
    {
        int cz = CellUnclamped(z, _originZ), cy = CellUnclamped(y, _originY);
        if (cz < -1 || cz > _rowsZ || cy < -1 || cy > _rowsY) return -1;
        return (cz + 1) * (_rowsY + 2) + (cy + 1);
    }

    /// <summary>
    /// The sorted ranges of the (up to 9) grid rows around query row <paramref name="queryRow"/> (from
    /// <see cref="QueryRow"/>), each starting at the first x ≥ <paramref name="lo"/>; returns how many.
    /// </summary>
    public int NeighbourRows(int queryRow, double lo, Span<int> start, Span<int> end)
    {
        int cz = queryRow / (_rowsY + 2) - 1, cy = queryRow % (_rowsY + 2) - 1, n = 0;
        for (int iz = Math.Max(cz - 1, 0); iz <= Math.Min(cz + 1, _rowsZ - 1); iz++)
            for (int iy = Math.Max(cy - 1, 0); iy <= Math.Min(cy + 1, _rowsY - 1); iy++)
            {
                int row = iz * _rowsY + iy;
                int s = RowStart[row], e = RowStart[row + 1];
                if (s == e) continue;
                start[n] = LowerBound(s, e, lo);
                end[n++] = e;
            }
        return n;
    }

    private int LowerBound(int s, int e, double v)
    {
        while (s < e)
        {
            int m = (s + e) >>> 1;
            if (X[m] < v) s = m + 1; else e = m;
        }
        return s;
    }

    private int Cell(double v, double origin) => (int)Math.Floor((v - origin) / _edge);

    private int CellUnclamped(double v, double origin)
    {
        double c = Math.Floor((v - origin) / _edge);
        return c < -2 ? -2 : c > int.MaxValue - 4 ? int.MaxValue - 4 : (int)c;
    }

    private static double RowCount(double extent, double edge) => Math.Floor(extent / edge) + 1;
}
