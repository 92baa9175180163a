namespace Coloc.Core.Matching.Exact;

/// <summary>
/// Compressed sparse rows of a component's bipartite graph, as the assignment solvers take them: the helpers the
/// one-blob and the grouped component solvers share to fill reusable buffers.
/// </summary>
internal static class RowAdjacency
{
    /// <summary>
    /// Writes the edges of each row, bucketed in <paramref name="edges"/> at <c>rowStart[r]..rowStart[r+1]</c>, to
    /// <paramref name="adjCol"/>/<paramref name="adjCost"/> in ascending column order (the solvers' tie order).
    /// </summary>
    public static void SortRows(int nRows, ReadOnlySpan<int> rowStart, (int Col, long Cost)[] edges, int[] adjCol, long[] adjCost)
    {
        for (int r = 0; r < nRows; r++)
        {
            var span = edges.AsSpan(rowStart[r], rowStart[r + 1] - rowStart[r]);
            span.Sort(static (x, y) => x.Col.CompareTo(y.Col));
            for (int k = 0; k < span.Length; k++)
            {
                adjCol[rowStart[r] + k] = span[k].Col;
                adjCost[rowStart[r] + k] = span[k].Cost;
            }
        }
    }

    /// <summary>Grows a reusable buffer to at least <paramref name="n"/> items (doubling; contents not kept).</summary>
    public static void Grow<TItem>(ref TItem[] a, int n)
    {
        if (a.Length < n) a = new TItem[Math.Max(n, a.Length * 2)];
    }
}
