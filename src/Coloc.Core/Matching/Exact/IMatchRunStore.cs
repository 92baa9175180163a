namespace Coloc.Core.Matching.Exact;

/// <summary>
/// Storage for sorted runs of match rows that an out-of-core sweep across y or x (<see cref="SlabColocalizer"/>)
/// cannot yet write in table order: each run is written once, read back once in pieces in the order written, and
/// merged. Rows kept are those of <see cref="MatchRow.Of"/> (no database ids).
/// </summary>
public interface IMatchRunStore
{
    /// <summary>Stores <paramref name="rows"/> (already sorted) as a new run; returns its handle.</summary>
    int WriteRun(ReadOnlySpan<MatchRow> rows);

    /// <summary>The rows of run <paramref name="run"/> in the order written, in pieces of at most <paramref name="pieceRows"/> rows; the run is dropped once read to its end.</summary>
    IEnumerable<MatchRow[]> ReadRun(int run, int pieceRows);
}
