using Coloc.Core.Matching;
using Coloc.IO.Csv;
using Coloc.IO.Files;
using Coloc.IO.Json;

namespace Coloc.IO;

/// <summary>
/// Writes a match result folder all-or-nothing: <c>matches_c&lt;a&gt;_c&lt;b&gt;.csv</c> for every pair key (header
/// only when a pair has no match) and <c>summary.json</c>.
/// </summary>
public static class MatchOutput
{
    /// <summary>Writes the folder; match tables are formatted on <paramref name="threads"/> threads (0 = all cores), which never changes the bytes.</summary>
    /// <exception cref="ColocFormatException">The folder or a file cannot be written; nothing is left behind.</exception>
    public static void Write(string folder, MatchSet matches, MatchSummary summary, Action<System.Text.Json.Utf8JsonWriter>? extraSummary = null, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(matches);
        using var staged = new StagedFolder(folder);
        foreach (var (pair, m) in matches.Pairs)
            staged.WriteText(pair.FileStem + ".csv", w => MatchCsv.Write(w, m, threads));
        staged.Write("summary.json", s => SummaryJson.Write(s, summary, extraSummary));
        staged.Commit();
    }
}
