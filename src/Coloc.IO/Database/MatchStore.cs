using Coloc.Core.Matching;

namespace Coloc.IO.Database;

/// <summary>
/// Stores a match result in a database file all-or-nothing, and never removes what is not provably ours. An existing
/// file gets one transaction (rolled back on any failure; SQLite's own journal is left to SQLite). A missing file is
/// built under a private temporary name in the same folder and appears under its name only once committed, by a
/// rename that never replaces a file: if another run created the file meanwhile, that file is kept untouched and the
/// caller stores into it instead (<see cref="TryInsert"/> returns null).
/// </summary>
internal static class MatchStore
{
    /// <summary>
    /// Inserts <paramref name="matches"/> under <paramref name="experiment"/> (see <see cref="MatchDatabase.InsertMatches"/>);
    /// <paramref name="beforeCommit"/> runs with the stored matches before anything becomes visible, and an exception
    /// from it leaves the database as it was.
    /// </summary>
    /// <returns>The matches with ids filled; null when <paramref name="path"/> was missing and another run created it before this one could (nothing stored: try again).</returns>
    /// <exception cref="ColocFormatException">The file is refused, locked, read-only or the insert failed; the database is as before and no file was left behind.</exception>
    public static MatchSet? TryInsert(
        string path, MatchSet matches, string experiment, ClrDbOptions options, Action<MatchSet> beforeCommit, CancellationToken ct)
    {
        if (File.Exists(path) || Directory.Exists(path))
        {
            using var db = ClrDb.Open(path, options);
            return MatchDatabase.InsertMatches(db, matches, experiment, beforeCommit, ct);
        }
        string full = Path.GetFullPath(path);
        Files.StaleTemporaries.Sweep(Path.GetDirectoryName(full) ?? ".");
        string tmp = Files.StaleTemporaries.Name(Path.GetDirectoryName(full) ?? ".", Path.GetFileName(full), "new");
        try
        {
            MatchSet stored;
            using (var db = ClrDb.CreateAt(path, tmp, options))
                stored = MatchDatabase.InsertMatches(db, matches, experiment, beforeCommit, ct);
            return Publish(path, tmp, full) ? stored : null;
        }
        finally
        {
            // the temporary name is ours alone: after a failure (or a lost race) nothing of it may stay
            TryDelete(tmp);
            TryDelete(tmp + "-journal");
        }
    }

    /// <summary>Renames the committed temporary file to <paramref name="full"/> unless a file of that name exists (never replaces it).</summary>
    private static bool Publish(string path, string tmp, string full)
    {
        try
        {
            File.Move(tmp, full, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(full))
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ColocFormatException($"{path}: cannot create the database file: {e.Message}", e);
        }
    }

    private static void TryDelete(string p)
    {
        try { File.Delete(p); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
