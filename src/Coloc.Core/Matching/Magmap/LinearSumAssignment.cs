namespace Coloc.Core.Matching.Magmap;

/// <summary>
/// Minimum-cost rectangular linear sum assignment by the shortest augmenting path method
/// (D. F. Crouse, "On implementing 2D rectangular assignment algorithms", IEEE TAES 52(4), 2016, pp. 1685-1686),
/// with the tie-breaking of SciPy's <c>linear_sum_assignment</c> (≥ 1.4), which MagellanMapper uses:
/// rows are augmented in index order; columns are scanned from a list that starts in descending index order
/// and loses each visited column by swap-removal with the list's last element; a column replaces the current
/// best when its path cost is strictly lower, or equal and the column is unassigned; the path to a column is only
/// updated on a strictly lower cost. A matrix with more rows than columns is solved transposed and the result is
/// returned sorted by row.
/// </summary>
/// <remarks>
/// Every row (or, for a tall matrix, every column) is assigned: the result has <c>min(rows, cols)</c> pairs.
/// Work is O(n² m) in the worst case and memory O(n + m) beyond the cost matrix.
/// </remarks>
public static class LinearSumAssignment
{
    /// <summary>Solves the assignment for a dense row-major cost matrix.</summary>
    /// <param name="cost">Costs, <c>cost[i * cols + j]</c>; finite or +∞ (NaN and −∞ are rejected).</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="cols">Number of columns.</param>
    /// <returns>Row and column indices of the assigned pairs, rows ascending.</returns>
    /// <exception cref="ArgumentException">The matrix holds NaN or −∞, or no complete assignment of finite cost exists.</exception>
    public static (int[] Rows, int[] Cols) Solve(ReadOnlySpan<double> cost, int rows, int cols)
    {
        if (rows < 0 || cols < 0) throw new ArgumentOutOfRangeException(nameof(rows), "matrix dimensions must be non-negative");
        if ((long)rows * cols != cost.Length)
            throw new ArgumentException($"cost has {cost.Length} entries, expected {rows}×{cols}", nameof(cost));
        if (rows == 0 || cols == 0) return ([], []);
        foreach (double c in cost)
            if (double.IsNaN(c) || double.IsNegativeInfinity(c))
                throw new ArgumentException("cost matrix contains NaN or -infinity", nameof(cost));

        bool transpose = cols < rows;
        double[]? t = null;
        if (transpose)
        {
            t = new double[cost.Length];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++)
                    t[j * rows + i] = cost[i * cols + j];
            (rows, cols) = (cols, rows);
        }

        int[] col4row = SolveWide(transpose ? t : cost, rows, cols);

        int n = rows;
        var a = new int[n];
        var b = new int[n];
        if (!transpose)
        {
            for (int i = 0; i < n; i++) { a[i] = i; b[i] = col4row[i]; }
            return (a, b);
        }
        // Solved rows are original columns: report (original row, original column) sorted by original row.
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(order, (p, q) => col4row[p].CompareTo(col4row[q]));
        for (int k = 0; k < n; k++) { a[k] = col4row[order[k]]; b[k] = order[k]; }
        return (a, b);
    }

    /// <summary>Solves a matrix with rows ≤ cols; returns the column of each row.</summary>
    private static int[] SolveWide(ReadOnlySpan<double> cost, int nr, int nc)
    {
        var u = new double[nr];
        var v = new double[nc];
        var spc = new double[nc];
        var path = new int[nc];
        var col4row = new int[nr];
        var row4col = new int[nc];
        var sr = new bool[nr];
        var sc = new bool[nc];
        var remaining = new int[nc];
        Array.Fill(path, -1);
        Array.Fill(col4row, -1);
        Array.Fill(row4col, -1);

        for (int curRow = 0; curRow < nr; curRow++)
        {
            int sink = AugmentingPath(cost, nc, u, v, path, row4col, spc, curRow, sr, sc, remaining, out double minVal);
            if (sink < 0) throw new ArgumentException("cost matrix is infeasible (no assignment of finite cost)");

            u[curRow] += minVal;
            for (int i = 0; i < nr; i++)
                if (sr[i] && i != curRow)
                    u[i] += minVal - spc[col4row[i]];
            for (int j = 0; j < nc; j++)
                if (sc[j])
                    v[j] -= minVal - spc[j];

            int jj = sink;
            while (true)
            {
                int i = path[jj];
                row4col[jj] = i;
                (col4row[i], jj) = (jj, col4row[i]);
                if (i == curRow) break;
            }
        }
        return col4row;
    }

    private static int AugmentingPath(
        ReadOnlySpan<double> cost, int nc, double[] u, double[] v, int[] path, int[] row4col,
        double[] spc, int start, bool[] sr, bool[] sc, int[] remaining, out double minVal)
    {
        minVal = 0;
        int numRemaining = nc;
        for (int it = 0; it < nc; it++) remaining[it] = nc - it - 1;
        Array.Clear(sr);
        Array.Clear(sc);
        Array.Fill(spc, double.PositiveInfinity);

        int sink = -1;
        int i = start;
        while (sink == -1)
        {
            int index = -1;
            double lowest = double.PositiveInfinity;
            sr[i] = true;
            var row = cost.Slice(i * nc, nc);
            double ui = u[i];
            for (int it = 0; it < numRemaining; it++)
            {
                int j = remaining[it];
                double r = minVal + row[j] - ui - v[j];
                if (r < spc[j])
                {
                    path[j] = i;
                    spc[j] = r;
                }
                if (spc[j] < lowest || (spc[j] == lowest && row4col[j] == -1))
                {
                    lowest = spc[j];
                    index = it;
                }
            }
            minVal = lowest;
            if (double.IsPositiveInfinity(minVal)) return -1;

            int jj = remaining[index];
            if (row4col[jj] == -1) sink = jj;
            else i = row4col[jj];
            sc[jj] = true;
            remaining[index] = remaining[--numRemaining];
        }
        return sink;
    }
}
