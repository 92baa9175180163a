using Coloc.Core.Matching;
using Coloc.IO.Csv;
using Coloc.IO.Database;
using Coloc.IO.Files;
using Coloc.IO.Json;

namespace Coloc.IO.Results;

/// <summary>
/// Writes a result, the one way every front does (<c>coloc match</c>, <c>run</c>, <c>merge</c>, <c>db select</c> and
/// the Fiji plugin), all-or-nothing. The folder holds <c>blobs.csv</c> and <c>intensity.csv</c> (when the content has
/// them, <see cref="BlobCsv"/>, <see cref="IntensityCsv"/>), one <c>matches_c&lt;a&gt;_c&lt;b&gt;.csv</c> per channel
/// pair (<see cref="MatchCsv"/>; header only when a pair has no match) and <c>summary.json</c>
/// (<see cref="SummaryJson"/>, then <c>parameters</c> when the content has its request (<see cref="MatchParametersJson"/>), then <c>multi_positive</c> when the matches have it (<see cref="MultiPositiveJson"/>),
/// then <c>intensity_thresholds</c> with intensity (<see cref="IntensityThresholdsJson"/>)). With a database the
/// matches are inserted first, in one transaction, and the folder's match tables carry the ids it gave.
/// </summary>
/// <remarks>
/// Order: insert the rows (not committed) → stage every file under a temporary name → commit the transaction (a new
/// database file appears only now, see <see cref="MatchStore"/>) → rename the staged files into place. A failure up to
/// the commit leaves neither the folder (nor a folder it created) nor a database row or file. Only the final renames
/// come after the commit; they stay inside one folder and their targets were checked while staging. <c>summary.json</c>
/// is staged last and so marks a complete result (<see cref="StagedFolder.Commit"/>): a reader, or a run killed at any
/// moment, sees every table of one run whenever it is present; without it the folder holds no finished result.
/// </remarks>
public static class ResultWriter
{
    /// <summary>At most this many attempts when a new database file is created by another run at the same moment.</summary>
    private const int Attempts = 3;

    /// <summary>Writes <paramref name="content"/> to <paramref name="target"/>.</summary>
    /// <returns>The matches as written: with database ids filled when a database was given, else the content's.</returns>
    /// <exception cref="ColocFormatException">A file or the database cannot be written; nothing was written.</exception>
    /// <exception cref="ArgumentException">The target names neither a folder nor a database, or the experiment name is missing, blank or given without a database.</exception>
    public static MatchSet Write(ResultTarget target, ResultContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(content);
        if (target.Folder is null && target.DatabasePath is null) throw new ArgumentException("results: give a folder, a database or both");
        if (content.Intensity is not null && content.Blobs is null) throw new ArgumentException("results: intensity flags need their blobs");
        if (target.DatabasePath is null)
        {
            if (target.Experiment is not null) throw new ArgumentException("experiment name: only used with a database");
            using var staged = Stage(target.Folder!, content, content.Matches, target.Threads);
            target.BeforeCommit?.Invoke();
            staged.Commit();
            return content.Matches;
        }
        if (string.IsNullOrWhiteSpace(target.Experiment)) throw new ArgumentException("experiment name: must not be empty");

        for (int attempt = 1; ; attempt++)
        {
            StagedFolder? staged = null;
            try
            {
                var stored = MatchStore.TryInsert(target.DatabasePath, content.Matches, target.Experiment, target.DatabaseOptions, s =>
                {
                    if (target.Folder is not null) staged = Stage(target.Folder, content, s, target.Threads);
                    target.BeforeCommit?.Invoke();
                }, cancellationToken);
                if (stored is not null)
                {
                    staged?.Commit();
                    return stored;
                }
                if (attempt == Attempts)
                    throw new ColocFormatException($"{target.DatabasePath}: created by another process {Attempts} times while writing; nothing was written");
            }
            finally
            {
                staged?.Dispose();
            }
        }
    }

    /// <summary>Stages the folder's files; <paramref name="matches"/> are the content's matches, with ids when stored.</summary>
    private static StagedFolder Stage(string folder, ResultContent content, MatchSet matches, int threads)
    {
        var staged = new StagedFolder(folder);
        try
        {
            if (content.Blobs is { } blobs)
            {
                staged.WriteText("blobs.csv", w => BlobCsv.Write(w, blobs));
                if (content.Intensity is { } flags) staged.WriteText("intensity.csv", w => IntensityCsv.WriteFlags(w, flags, blobs.Length));
            }
            foreach (var (pair, m) in matches.Pairs)
                staged.WriteText(pair.FileStem + ".csv", w => MatchCsv.Write(w, m, threads));
            SummaryFile.Stage(staged, content.Summary, content.Request, matches.MultiPositive, content.Intensity);
            return staged;
        }
        catch
        {
            staged.Dispose();
            throw;
        }
    }
}
