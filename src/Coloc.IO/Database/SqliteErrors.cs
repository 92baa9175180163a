using Microsoft.Data.Sqlite;

namespace Coloc.IO.Database;

/// <summary>Turns SQLite result codes into one-line <see cref="ColocFormatException"/> messages that name the file.</summary>
internal static class SqliteErrors
{
    /// <summary>SQLite primary result codes used here (sqlite3.h).</summary>
    private const int Busy = 5, Locked = 6, ReadOnly = 8, IoErr = 10, Corrupt = 11, Full = 13, CantOpen = 14, NotADb = 26;

    /// <summary>The exception for <paramref name="e"/> raised while doing <paramref name="what"/> on <paramref name="path"/>.</summary>
    public static ColocFormatException Wrap(string path, string what, SqliteException e, int busySeconds, bool writing)
    {
        string tail = writing ? "the database is unchanged" : "nothing was read";
        string msg = (e.SqliteErrorCode & 0xFF) switch
        {
            Busy or Locked => $"{path}: database is locked by another process (waited {busySeconds} s) while trying to {what}; {tail}",
            ReadOnly => $"{path}: database is read-only, cannot {what}; {tail}",
            CantOpen => $"{path}: cannot open the database file (missing folder or no permission) to {what}",
            NotADb => $"{path}: not a SQLite database; left untouched",
            Corrupt => $"{path}: the database file is corrupt; left untouched",
            Full => $"{path}: disk full while trying to {what}; {tail}",
            IoErr => $"{path}: I/O error while trying to {what}: {OneLine(e.Message)}; {tail}",
            _ => $"{path}: SQLite error {e.SqliteErrorCode} while trying to {what}: {OneLine(e.Message)}; {tail}",
        };
        return new ColocFormatException(msg, e);
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");
}
