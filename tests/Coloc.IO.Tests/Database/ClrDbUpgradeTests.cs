using Coloc.IO.Database;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Database;

/// <summary>
/// Upgrades of MagellanMapper's older schemas (its <c>sqlite.upgrade_db</c>). The old DDL below is written from the
/// upgrade's description: version 0/1 blobs lack truth and channel (no <c>about</c> table), version 2 lacks channel,
/// version 3 lacks <c>blob_matches</c>.
/// </summary>
public sealed class ClrDbUpgradeTests
{
    private const string Exp = "CREATE TABLE experiments (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, date DATE)";
    private const string Rois = "CREATE TABLE rois (id INTEGER PRIMARY KEY AUTOINCREMENT, experiment_id INTEGER, series INTEGER, " +
        "offset_x INTEGER, offset_y INTEGER, offset_z INTEGER, size_x INTEGER, size_y INTEGER, size_z INTEGER, " +
        "UNIQUE (experiment_id, series, offset_x, offset_y, offset_z))";
    private const string BlobsV1 = "CREATE TABLE blobs (id INTEGER PRIMARY KEY AUTOINCREMENT, roi_id INTEGER, x INTEGER, y INTEGER, " +
        "z INTEGER, radius REAL, confirmed INTEGER, UNIQUE (roi_id, x, y, z))";
    private const string BlobsV2 = "CREATE TABLE blobs (id INTEGER PRIMARY KEY AUTOINCREMENT, roi_id INTEGER, x INTEGER, y INTEGER, " +
        "z INTEGER, radius REAL, confirmed INTEGER, truth INTEGER, UNIQUE (roi_id, x, y, z, truth))";

    private static string OldDb(int version)
    {
        string path = DbFixtures.NewDbPath();
        using var c = DbFixtures.Raw(path);
        if (version >= 2) DbFixtures.Exec(c, ClrDbSchema.About);
        DbFixtures.Exec(c, Exp);
        DbFixtures.Exec(c, Rois);
        DbFixtures.Exec(c, version switch { < 2 => BlobsV1, 2 => BlobsV2, _ => ClrDbSchema.Blobs });
        for (int v = 2; v <= version; v++) DbFixtures.Exec(c, $"INSERT INTO about (version, date) VALUES ({v}, '2019-01-01 00:00:00')");
        DbFixtures.Exec(c, "INSERT INTO experiments (name, date) VALUES ('brain', '2019-01-01 00:00:00')");
        DbFixtures.Exec(c, "INSERT INTO rois (experiment_id, series, offset_x, offset_y, offset_z, size_x, size_y, size_z) VALUES (1, 0, 5, 6, 7, 10, 10, 10)");
        string cols = version switch { < 2 => "roi_id, z, y, x, radius, confirmed", 2 => "roi_id, z, y, x, radius, confirmed, truth", _ => "roi_id, z, y, x, radius, confirmed, truth, channel" };
        string vals = version switch { < 2 => "1, 8, 9, 10, 2.5, 1", 2 => "1, 8, 9, 10, 2.5, 1, 0", _ => "1, 8, 9, 10, 2.5, 1, 0, 2" };
        DbFixtures.Exec(c, $"INSERT INTO blobs ({cols}) VALUES ({vals})");
        return path;
    }

    [Theory]
    [InlineData(0, -1, 0)]
    [InlineData(2, 0, 0)]
    [InlineData(3, 0, 2)]
    public void Open_OlderVersion_UpgradesLikeMagellanMapper(int version, long truth, long channel)
    {
        string path = OldDb(version);
        using (var db = ClrDb.Open(path))
        {
            Assert.Equal(version, db.FoundVersion);
            Assert.Equal(4, db.Version);
        }
        using var dump = new SqliteDump(path);
        Assert.Equal(ClrDbSchema.Blobs, dump.Rows("SELECT sql FROM sqlite_master WHERE name = 'blobs'")[0][0]);
        Assert.Equal(ClrDbSchema.BlobMatches, dump.Rows("SELECT sql FROM sqlite_master WHERE name = 'blob_matches'")[0][0]);
        Assert.Empty(dump.Rows("SELECT name FROM sqlite_master WHERE name = 'tmp_blobs'"));
        var blob = dump.Rows("SELECT roi_id, z, y, x, radius, confirmed, truth, channel FROM blobs").Single();
        Assert.Equal(new object?[] { 1L, 8L, 9L, 10L, 2.5, 1L, truth, channel }, blob);
        var versions = dump.Rows("SELECT version FROM about ORDER BY rowid").Select(r => (long)r[0]!).ToArray();
        Assert.Equal(4L, versions[^1]);
        Assert.Equal(Math.Max(0, version - 1) + 1, versions.Length);
    }

    [Fact]
    public void OpenReadOnly_OlderVersion_NeverUpgradesAndSelectsNothing()
    {
        string path = OldDb(3);
        var before = File.ReadAllBytes(path);
        using (var db = ClrDb.OpenReadOnly(path))
        {
            Assert.Equal(3, db.Version);
            Assert.Empty(MatchDatabase.SelectMatches(db, [0, 1, 2], expName: "brain").Pairs);
        }
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_UpgradedDatabase_StoresAndSelectsMatches()
    {
        string path = OldDb(0);
        using var db = ClrDb.Open(path);
        var stored = MatchDatabase.InsertMatches(db, DbFixtures.Line(3), "brain");
        var back = MatchDatabase.SelectMatches(db, [0, 1], expName: "brain");
        Assert.Equal(stored.Pairs[0].Value.Rows, back.Pairs[0].Value.Rows);
        Assert.Equal(1, DbFixtures.Count(path, "experiments"));
    }
}
