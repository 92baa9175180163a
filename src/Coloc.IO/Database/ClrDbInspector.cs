using Microsoft.Data.Sqlite;

namespace Coloc.IO.Database;

/// <summary>
/// Decides whether an open SQLite file is a MagellanMapper database and which schema version it has (the
/// <c>version</c> of the last <c>about</c> row; no <c>about</c> table = version 0 or 1), checking that every
/// table and column that version must have is present.
/// </summary>
internal static class ClrDbInspector
{
    /// <summary>The number of schema objects (tables, indexes, …) in the file; 0 for a new, empty database.</summary>
    public static long ObjectCount(SqliteConnection conn)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master";
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>The schema version, or a reason why the file is not a MagellanMapper database.</summary>
    public static (int Version, string? Problem) Inspect(SqliteConnection conn)
    {
        var tables = TableNames(conn);
        int version;
        if (tables.Contains("about"))
        {
            if (!HasColumns(conn, "about", ["version"])) return (0, "table 'about' has no column 'version'");
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT version FROM about ORDER BY rowid";
            object? last = null;
            using (var r = cmd.ExecuteReader())
                while (r.Read()) last = r.IsDBNull(0) ? null : r.GetValue(0);
            if (last is not long v || v < 1 || v > int.MaxValue)
                return (0, "table 'about' holds no schema version");
            version = (int)v;
        }
        else version = 0;

        string[] required = version >= ClrDbSchema.Version
            ? ["about", "experiments", "rois", "blobs", "blob_matches"]
            : ["experiments", "rois", "blobs"];
        foreach (var t in required)
            if (!tables.Contains(t)) return (version, $"no table '{t}'");
        if (version < ClrDbSchema.Version && tables.Contains("blob_matches"))
            return (version, $"version {version} yet a 'blob_matches' table exists");
        if (tables.Contains("tmp_blobs")) return (version, "a 'tmp_blobs' table is left from an interrupted upgrade");

        foreach (var t in required)
        {
            var cols = ClrDbSchema.Columns[t];
            if (t == "blobs" && version < 3) cols = cols.Where(c => c != "channel" && (version >= 2 || c != "truth")).ToArray();
            if (!HasColumns(conn, t, cols)) return (version, $"table '{t}' lacks MagellanMapper's columns ({string.Join(", ", cols)})");
        }
        return (version, null);
    }

    private static HashSet<string> TableNames(SqliteConnection conn)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var r = cmd.ExecuteReader();
        while (r.Read()) set.Add(r.GetString(0));
        return set;
    }

    private static bool HasColumns(SqliteConnection conn, string table, IEnumerable<string> columns)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT name FROM pragma_table_info($t)";
        cmd.Parameters.AddWithValue("$t", table);
        var have = new HashSet<string>(StringComparer.Ordinal);
        using (var r = cmd.ExecuteReader())
            while (r.Read()) have.Add(r.GetString(0));
        return columns.All(have.Contains);
    }
}
