using Coloc.Core.Matching;
using Coloc.IO.Database;

namespace Coloc.Cli.Commands;

/// <summary>Stores a match result in a database file for the CLI: all or nothing, and a file this run created is removed again on failure.</summary>
public static class DbStore
{
    /// <summary>
    /// Inserts <paramref name="matches"/> under <paramref name="expName"/>; returns them with ids filled.
    /// <paramref name="beforeCommit"/> runs inside the transaction (see <see cref="MatchDatabase.InsertMatches"/>).
    /// </summary>
    /// <exception cref="Coloc.IO.ColocFormatException">The file is refused, locked, read-only or the insert failed; the file is as before.</exception>
    public static MatchSet Insert(string path, MatchSet matches, string expName, Action<MatchSet>? beforeCommit = null)
    {
        if (string.IsNullOrWhiteSpace(expName)) throw new UsageException("--exp-name: must not be empty");
        bool existed = File.Exists(path);
        try
        {
            using var db = ClrDb.Open(path);
            return MatchDatabase.InsertMatches(db, matches, expName, beforeCommit);
        }
        catch when (!existed)
        {
            TryDelete(path);
            TryDelete(path + "-journal");
            throw;
        }
    }

    private static void TryDelete(string p)
    {
        try { File.Delete(p); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
