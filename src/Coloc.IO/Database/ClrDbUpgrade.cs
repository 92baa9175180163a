using Microsoft.Data.Sqlite;

namespace Coloc.IO.Database;

/// <summary>
/// Brings an older MagellanMapper database to version 4 the way MagellanMapper's <c>upgrade_db</c> does,
/// inside the caller's transaction: below 2 create <c>about</c> and rebuild <c>blobs</c> with <c>truth = -1</c>;
/// below 3 rebuild <c>blobs</c> with <c>channel = 0</c>; below 4 create <c>blob_matches</c>; then add the
/// <c>about</c> row (4, now). Rebuilt blob rows get new ids in their old row order, as in MagellanMapper (no match
/// table refers to them before version 4).
/// </summary>
internal static class ClrDbUpgrade
{
    /// <summary>Runs the steps from <paramref name="fromVersion"/>.</summary>
    public static void Run(SqliteConnection conn, SqliteTransaction tx, int fromVersion, string nowText)
    {
        if (fromVersion >= ClrDbSchema.Version) return;
        if (fromVersion < 2)
        {
            Exec(conn, tx, ClrDbSchema.About);
            RebuildBlobs(conn, tx, "roi_id, z, y, x, radius, confirmed", "truth", "-1");
        }
        if (fromVersion < 3)
            RebuildBlobs(conn, tx, "roi_id, z, y, x, radius, confirmed, truth", "channel", "0");
        Exec(conn, tx, ClrDbSchema.BlobMatches);
        InsertAbout(conn, tx, nowText);
    }

    /// <summary>Inserts the <c>about</c> row <c>(4, nowText)</c>.</summary>
    public static void InsertAbout(SqliteConnection conn, SqliteTransaction tx, string nowText)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO about (version, date) VALUES ($v, $d)";
        cmd.Parameters.AddWithValue("$v", (long)ClrDbSchema.Version);
        cmd.Parameters.AddWithValue("$d", nowText);
        cmd.ExecuteNonQuery();
    }

    private static void RebuildBlobs(SqliteConnection conn, SqliteTransaction tx, string keptColumns, string newColumn, string newValue)
    {
        Exec(conn, tx, "ALTER TABLE blobs RENAME TO tmp_blobs");
        Exec(conn, tx, ClrDbSchema.Blobs);
        Exec(conn, tx, $"INSERT INTO blobs ({keptColumns}, {newColumn}) SELECT {keptColumns}, {newValue} FROM tmp_blobs");
        Exec(conn, tx, "DROP TABLE tmp_blobs");
    }

    private static void Exec(SqliteConnection conn, SqliteTransaction tx, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
