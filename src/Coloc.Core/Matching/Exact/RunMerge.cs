namespace Coloc.Core.Matching.Exact;

/// <summary>
/// K-way merge of sorted runs of match rows (<see cref="IMatchRunStore"/>) into one sequence in table order
/// (<see cref="MatchOrder.CompareRows"/>). Rows that compare equal are identical, so the merged bytes do not depend
/// on how ties between runs are broken. Memory: one piece per run and one output piece.
/// </summary>
internal static class RunMerge
{
    /// <summary>The rows of <paramref name="runs"/> merged, in fresh pieces of at most <paramref name="pieceRows"/> rows.</summary>
    public static IEnumerable<ArraySegment<MatchRow>> Merge(IMatchRunStore store, IReadOnlyList<int> runs, int pieceRows)
    {
        var readers = runs.Select(r => store.ReadRun(r, pieceRows).GetEnumerator()).ToArray();
        try
        {
            var pieces = new MatchRow[readers.Length][];
            var at = new int[readers.Length];
            var queue = new PriorityQueue<int, MatchRow>(RowComparer.Instance);
            for (int k = 0; k < readers.Length; k++)
                if (Next(k)) queue.Enqueue(k, pieces[k][0]);
            var output = new MatchRow[pieceRows];
            int n = 0;
            while (queue.TryDequeue(out int k, out var row))
            {
                output[n++] = row;
                if (n == pieceRows)
                {
                    yield return new ArraySegment<MatchRow>(output, 0, n);
                    output = new MatchRow[pieceRows];
                    n = 0;
                }
                if (++at[k] < pieces[k].Length || Next(k)) queue.Enqueue(k, pieces[k][at[k]]);
            }
            if (n > 0) yield return new ArraySegment<MatchRow>(output, 0, n);

            bool Next(int k)
            {
                while (readers[k].MoveNext())
                {
                    if (readers[k].Current.Length == 0) continue;
                    pieces[k] = readers[k].Current;
                    at[k] = 0;
                    return true;
                }
                return false;
            }
        }
        finally
        {
            foreach (var r in readers) r.Dispose();
        }
    }

    private sealed class RowComparer : IComparer<MatchRow>
    {
        public static readonly RowComparer Instance = new();

        public int Compare(MatchRow p, MatchRow q) => MatchOrder.CompareRows(p, q);
    }
}
