using Coloc.Core.Matching;
using Coloc.IO.Csv;
using Coloc.IO.Files;
using Coloc.IO.Json;

namespace Coloc.IO;

/// <summary>
/// Writes a match result folder all-or-nothing: <c>matches_c&lt;a&gt;_c&lt;b&gt;.csv</c> for every pair key (header
/// only when a pair has no match) and <c>summary.json</c> (with <c>multi_positive</c> when the set has it).
/// </summary>
public static class MatchOutput
{
    /// <summary>Writes the folder; match tables are formatted on <paramref name="threads"/> threads (0 = all cores), which never changes the bytes.</summary>
    /// <exception cref="ColocFormatException">The folder or a file cannot be written; nothing is left behind.</exception>
    public static void Write(string folder, MatchSet matches, MatchSummary summary, Action<System.Text.Json.Utf8JsonWriter>? extraSummary = null, int threads = 0)
    {
        using var staged = Stage(folder, matches, summary, extraSummary, threads);
        staged.Commit();
    }

    /// <summary>
    /// Writes the folder's files to temporary names and returns them staged: <see cref="StagedFolder.Commit"/> moves them
    /// into place, disposing without committing removes them (lets a caller commit a database transaction in between).
    /// </summary>
    /// <exception cref="ColocFormatException">The folder or a file cannot be written; nothing is left behind.</exception>
    public static StagedFolder Stage(
        string folder, MatchSet matches, MatchSummary summary, Action<System.Text.Json.Utf8JsonWriter>? extraSummary = null, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var staged = new StagedFolder(folder);
        try
        {
            foreach (var (pair, m) in matches.Pairs)
                staged.WriteText(pair.FileStem + ".csv", w => MatchCsv.Write(w, m, threads));
            // Multi-positive sets (exact mode, 3+ channels) belong to the result, so every front writes them.
            Action<System.Text.Json.Utf8JsonWriter>? extra = matches.MultiPositive is { } mp
                ? w => { MultiPositiveJson.Write(w, mp); extraSummary?.Invoke(w); }
                : extraSummary;
            staged.Write("summary.json", s => SummaryJson.Write(s, summary, extra));
            return staged;
        }
        catch
        {
            staged.Dispose();
            throw;
        }
    }
}
