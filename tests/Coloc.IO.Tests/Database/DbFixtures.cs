using Coloc.Core.Blobs;
using Coloc.Core.Matching;
using Coloc.TestKit;
using Microsoft.Data.Sqlite;

namespace Coloc.IO.Tests.Database;

/// <summary>Small hand-made inputs and raw SQLite helpers for the database tests.</summary>
internal static class DbFixtures
{
    public static string NewDbPath() => Path.Combine(RepoPaths.NewTempDir(), "t.db");

    public static Blob B(double z, double y, double x, int channel, double radius = 2) => new(z, y, x, radius, -1, -1, channel);

    /// <summary>Three blobs, one per channel, each matched with the two others: every blob is shared by two pairs.</summary>
    public static MatchSet Triangle()
    {
        var (a, b, c) = (B(1, 2, 3, 0), B(1, 2, 4, 1), B(2, 2, 4, 2));
        var set = new MatchSet();
        set.Add(new ChannelPair(0, 1), new BlobMatch([MatchRow.Of(a, b, 1)]));
        set.Add(new ChannelPair(0, 2), new BlobMatch([MatchRow.Of(a, c, 1.5)]));
        set.Add(new ChannelPair(1, 2), new BlobMatch([MatchRow.Of(b, c, 1)]));
        return set;
    }

    /// <summary>A two-channel set of <paramref name="n"/> matches on a line, blob1 at x = 10 i, blob2 one voxel further in y.</summary>
    public static MatchSet Line(int n, double z = 5)
    {
        var rows = new MatchRow[n];
        for (int i = 0; i < n; i++) rows[i] = MatchRow.Of(B(z, 10, 10 * i, 0), B(z, 11, 10 * i, 1, 3.5), 1);
        var set = new MatchSet();
        set.Add(new ChannelPair(0, 1), new BlobMatch(rows));
        return set;
    }

    public static SqliteConnection Raw(string path, bool readOnly = false)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Pooling = false, Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        }.ToString());
        c.Open();
        return c;
    }

    public static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public static long Count(string path, string table)
    {
        using var c = Raw(path, readOnly: true);
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM {table}";
        return (long)cmd.ExecuteScalar()!;
    }
}
