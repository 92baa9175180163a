using Microsoft.Data.Sqlite;

namespace Coloc.IO.Database;

/// <summary>
/// A MagellanMapper results database (SQLite, schema version 4, see <see cref="ClrDbSchema"/>) opened for reading and
/// writing (<see cref="Open"/>: created with MagellanMapper's exact DDL when missing, upgraded when older) or for
/// reading only (<see cref="OpenReadOnly"/>: never writes). Files that are not SQLite, or SQLite files that are not
/// MagellanMapper databases, are refused with a <see cref="ColocFormatException"/> and left untouched. Every write runs
/// in one transaction, so a failure leaves the file as it was; another process's lock is waited for up to <see
/// cref="ClrDbOptions.BusyTimeout"/>, then reported.
/// </summary>
public sealed class ClrDb : IDisposable
{
    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();
    private readonly SqliteConnection _conn;

    private ClrDb(string path, SqliteConnection conn, ClrDbOptions options, bool readOnly, bool created, int foundVersion)
    {
        Path = path;
        _conn = conn;
        Options = options;
        IsReadOnly = readOnly;
        Created = created;
        FoundVersion = foundVersion;
    }

    /// <summary>The file path as given.</summary>
    public string Path { get; }

    /// <summary>The options the database was opened with.</summary>
    public ClrDbOptions Options { get; }

    /// <summary>True when opened with <see cref="OpenReadOnly"/>.</summary>
    public bool IsReadOnly { get; }

    /// <summary>True when <see cref="Open"/> created the file (or filled an empty one) with a fresh schema.</summary>
    public bool Created { get; }

    /// <summary>The schema version the file had when opened (4 for a created file; 0 for MagellanMapper's oldest, without <c>about</c>).</summary>
    public int FoundVersion { get; }

    /// <summary>The schema version now: 4 after <see cref="Open"/>; <see cref="FoundVersion"/> after <see cref="OpenReadOnly"/>.</summary>
    public int Version => IsReadOnly ? FoundVersion : Math.Max(FoundVersion, ClrDbSchema.Version);

    internal SqliteConnection Connection => _conn;

    /// <summary>
    /// Opens <paramref name="path"/> for reading and writing: creates it (tables in MagellanMapper's order, <c>about</c>
    /// row (4, now)) when missing or empty, upgrades versions below 4, and turns on <c>PRAGMA foreign_keys</c>.
    /// </summary>
    /// <exception cref="ColocFormatException">Not a SQLite file, not a MagellanMapper database, read-only, locked or unreadable; the file is left as it was.</exception>
    public static ClrDb Open(string path, ClrDbOptions? options = null) => OpenCore(path, options ?? new ClrDbOptions(), readOnly: false);

    /// <summary>Opens an existing database for reading only; nothing is ever written (no upgrade, no experiment or ROI
    /// rows; README, Differences from MagellanMapper, D20).</summary>
    /// <exception cref="ColocFormatException">Missing, not a SQLite file, not a MagellanMapper database, locked or unreadable.</exception>
    public static ClrDb OpenReadOnly(string path, ClrDbOptions? options = null) => OpenCore(path, options ?? new ClrDbOptions(), readOnly: true);

    /// <summary>
    /// Creates a fresh database in <paramref name="file"/> (which must not exist: a private name next to
    /// <paramref name="path"/>) while naming <paramref name="path"/> in every message; the caller renames the file into
    /// place once its content is committed (see <see cref="MatchStore"/>).
    /// </summary>
    internal static ClrDb CreateAt(string path, string file, ClrDbOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckFile(path, readOnly: false);
        if (File.Exists(file)) throw new InvalidOperationException($"{file}: exists already");
        return OpenCore(path, file, options, readOnly: false);
    }

    private static ClrDb OpenCore(string path, ClrDbOptions options, bool readOnly)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckFile(path, readOnly);
        return OpenCore(path, path, options, readOnly);
    }

    private static ClrDb OpenCore(string path, string file, ClrDbOptions options, bool readOnly)
    {
        var csb = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = options.BusySeconds,
            ForeignKeys = true,
        };
        var conn = new SqliteConnection(csb.ToString());
        try
        {
            conn.Open();
            if (!readOnly && conn.Handle is { } h && SQLitePCL.raw.sqlite3_db_readonly(h, "main") == 1)
                throw new ColocFormatException($"{path}: database is read-only, cannot write to it; the database is unchanged");
            var (version, created) = Prepare(conn, path, options, readOnly);
            return new ClrDb(path, conn, options, readOnly, created, version);
        }
        catch (SqliteException e)
        {
            conn.Dispose();
            throw SqliteErrors.Wrap(path, "open the database", e, options.BusySeconds, writing: !readOnly);
        }
        catch
        {
            conn.Dispose();
            throw;
        }
    }

    /// <summary>Checks the file before SQLite touches it: a folder, a missing file for reading, a non-SQLite header or a write-protected file is refused.</summary>
    private static void CheckFile(string path, bool readOnly)
    {
        if (Directory.Exists(path)) throw new ColocFormatException($"{path}: is a folder, not a database file");
        if (IsDevice(path)) throw new ColocFormatException($"{path}: is a device, not a database file; left untouched");
        if (!File.Exists(path))
        {
            if (readOnly) throw new ColocFormatException($"{path}: no such database file");
            string dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
            if (!Directory.Exists(dir)) throw new ColocFormatException($"{path}: folder {dir} does not exist");
            return;
        }
        var header = new byte[SqliteMagic.Length];
        int n;
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            n = fs.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ColocFormatException($"{path}: cannot read: {e.Message}", e);
        }
        if (n > 0 && (n < header.Length || !header.AsSpan().SequenceEqual(SqliteMagic)))
            throw new ColocFormatException($"{path}: not a SQLite database (no 'SQLite format 3' header); left untouched");
        if (!readOnly && !OperatingSystem.IsWindows()
            && (File.GetUnixFileMode(path) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0)
            throw new ColocFormatException($"{path}: database file is read-only (no write permission); the database is unchanged");
    }

    /// <summary>
    /// True for a path that resolves (through symbolic links) to a device node under <c>/dev</c> such as
    /// <c>/dev/null</c>: SQLite would try to keep a rollback journal next to it (<c>/dev/null-journal</c>) and fail.
    /// </summary>
    internal static bool IsDevice(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return false;
        string full;
        try
        {
            full = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? System.IO.Path.GetFullPath(path);
        }
        catch (IOException)
        {
            full = System.IO.Path.GetFullPath(path);
        }
        return full.StartsWith("/dev/", StringComparison.Ordinal);
    }

    /// <summary>Creates, checks or upgrades the schema; returns the version found and whether the schema was created.</summary>
    private static (int Version, bool Created) Prepare(SqliteConnection conn, string path, ClrDbOptions options, bool readOnly)
    {
        if (ClrDbInspector.ObjectCount(conn) == 0)
        {
            if (readOnly) throw new ColocFormatException($"{path}: empty SQLite file, not a MagellanMapper database");
            using var tx = conn.BeginTransaction();
            foreach (var sql in ClrDbSchema.CreateStatements) Exec(conn, tx, sql);
            ClrDbUpgrade.InsertAbout(conn, tx, options.NowText());
            tx.Commit();
            return (ClrDbSchema.Version, true);
        }
        var (version, problem) = ClrDbInspector.Inspect(conn);
        if (problem is not null)
            throw new ColocFormatException($"{path}: a SQLite database but not MagellanMapper's ({problem}); left untouched");
        if (!readOnly && version > ClrDbSchema.Version)
            throw new ColocFormatException(
                $"{path}: schema version {version} is newer than this coloc's ({ClrDbSchema.Version}); left untouched (use a newer coloc)");
        if (!readOnly && version < ClrDbSchema.Version)
        {
            using var tx = conn.BeginTransaction();
            ClrDbUpgrade.Run(conn, tx, version, options.NowText());
            tx.Commit();
        }
        return (version, false);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one IMMEDIATE transaction and commits; on any exception rolls back (the file is
    /// unchanged) and rethrows, SQLite errors as <see cref="ColocFormatException"/>.
    /// </summary>
    internal T Write<T>(string what, Func<SqliteTransaction, T> work)
    {
        if (IsReadOnly) throw new InvalidOperationException($"{Path}: opened read-only, cannot {what}");
        try
        {
            using var tx = _conn.BeginTransaction();
            var result = work(tx);
            tx.Commit();
            return result;
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Wrap(Path, what, e, Options.BusySeconds, writing: true);
        }
    }

    /// <summary>Runs a read; SQLite errors become <see cref="ColocFormatException"/>.</summary>
    internal T Read<T>(string what, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Wrap(Path, what, e, Options.BusySeconds, writing: false);
        }
    }

    /// <summary>
    /// Sizes this connection's page cache for a bulk insert of <paramref name="matches"/> matches (about 150 bytes of
    /// pages per match, between 2 MB and 512 MB) so that the unique index on <c>blobs</c> stays in memory until the
    /// commit. A per-connection setting; nothing is stored in the file.
    /// </summary>
    internal static void SetCacheSize(SqliteConnection conn, long matches)
    {
        long kib = Math.Clamp(matches * 150 / 1024, 2048, 512 * 1024);
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA cache_size = -" + kib.ToString(System.Globalization.CultureInfo.InvariantCulture);
        cmd.ExecuteNonQuery();
    }

    private static void Exec(SqliteConnection conn, SqliteTransaction tx, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose() => _conn.Dispose();
}
