namespace Coloc.Core.Matching.Exact;

/// <summary>An <see cref="IMatchRunStore"/> in memory: what a <see cref="SlabColocalizer"/> uses when given no other store.</summary>
internal sealed class MemoryRunStore : IMatchRunStore
{
    private readonly List<MatchRow[]?> _runs = [];

    public int WriteRun(ReadOnlySpan<MatchRow> rows)
    {
        _runs.Add(rows.ToArray());
        return _runs.Count - 1;
    }

    public IEnumerable<MatchRow[]> ReadRun(int run, int pieceRows)
    {
        var rows = _runs[run] ?? throw new InvalidOperationException($"run {run} was already read");
        for (int k = 0; k < rows.Length; k += pieceRows) yield return rows[k..Math.Min(rows.Length, k + pieceRows)];
        _runs[run] = null;
    }
}
