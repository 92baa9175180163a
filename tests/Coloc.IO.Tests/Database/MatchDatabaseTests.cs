using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.IO.Database;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Database;

public sealed class MatchDatabaseTests
{
    [Fact]
    public void InsertMatches_BlobSharedByThreePairs_EveryMatchKeptWithReusedIds()
    {
        string path = DbFixtures.NewDbPath();
        using var db = ClrDb.Open(path);
        var stored = MatchDatabase.InsertMatches(db, DbFixtures.Triangle(), "tri");
        // one row per blob, inserted on first sight: a(ch0)=1, b(ch1)=2 from pair 0,1; c(ch2)=3 from pair 0,2.
        // MagellanMapper re-inserts a, c, b, c (ids 3..6), cascading away matches 1 and 2: it keeps only match 3 (5,6).
        Assert.Equal(3, DbFixtures.Count(path, "blobs"));
        Assert.Equal(3, DbFixtures.Count(path, "blob_matches"));
        (long, long, long)[] ids = stored.Pairs.Select(p => p.Value.Rows[0]).Select(r => (r.MatchId!.Value, r.Blob1Id!.Value, r.Blob2Id!.Value)).ToArray();
        Assert.Equal([(1L, 1L, 2L), (2L, 1L, 3L), (3L, 2L, 3L)], ids);
        var back = MatchDatabase.SelectMatches(db, [0, 1, 2], expName: "tri");
        Assert.Equal(stored.Pairs.Select(p => p.Key), back.Pairs.Select(p => p.Key));
        foreach (var (pair, m) in stored.Pairs) Assert.Equal(m.Rows, back[pair]!.Rows);
    }

    [Fact]
    public void InsertMatches_NonFiniteValueInLastRow_FileByteIdentical()
    {
        string path = DbFixtures.NewDbPath();
        using (var db = ClrDb.Open(path)) MatchDatabase.InsertMatches(db, DbFixtures.Line(50), "first");
        var before = File.ReadAllBytes(path);
        var bad = DbFixtures.Line(200, z: 9);
        var rows = bad.Pairs[0].Value.Rows.ToArray();
        rows[^1] = rows[^1] with { Blob2 = rows[^1].Blob2 with { Y = double.NaN } };
        var set = new MatchSet();
        set.Add(new ChannelPair(0, 1), new BlobMatch(rows));
        using (var db = ClrDb.Open(path))
        {
            var e = Assert.Throws<ColocFormatException>(() => MatchDatabase.InsertMatches(db, set, "second"));
            Assert.Contains("non-finite", e.Message);
            Assert.Contains("unchanged", e.Message);
        }
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + "-journal"));
    }

    [Fact]
    public void InsertMatches_Cancelled_FileByteIdentical()
    {
        string path = DbFixtures.NewDbPath();
        using (var db = ClrDb.Open(path)) MatchDatabase.InsertMatches(db, DbFixtures.Line(5), "first");
        var before = File.ReadAllBytes(path);
        using (var db = ClrDb.Open(path))
            Assert.ThrowsAny<OperationCanceledException>(() => MatchDatabase.InsertMatches(db, DbFixtures.Line(10, z: 7), "x", cancellationToken: new CancellationToken(true)));
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void InsertMatches_BeforeCommitThrows_FileByteIdenticalAndCallbackSawIds()
    {
        string path = DbFixtures.NewDbPath();
        using (var db = ClrDb.Open(path)) MatchDatabase.InsertMatches(db, DbFixtures.Line(3), "first");
        var before = File.ReadAllBytes(path);
        long? seen = null;
        using (var db = ClrDb.Open(path))
            Assert.Throws<IOException>(() => MatchDatabase.InsertMatches(db, DbFixtures.Line(4, z: 8), "second", stored =>
            {
                seen = stored.Pairs[0].Value.Rows[^1].MatchId;
                throw new IOException("disk gone");
            }));
        Assert.Equal(7L, seen);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void InsertMatches_OtherProcessHoldsWriteLock_ClearErrorAfterTimeout()
    {
        string path = DbFixtures.NewDbPath();
        using (ClrDb.Open(path)) { }
        var before = File.ReadAllBytes(path);
        using (var other = DbFixtures.Raw(path))
        {
            DbFixtures.Exec(other, "BEGIN IMMEDIATE");
            using var db = ClrDb.Open(path, new ClrDbOptions { BusyTimeout = TimeSpan.FromMilliseconds(200) });
            var e = Assert.Throws<ColocFormatException>(() => MatchDatabase.InsertMatches(db, DbFixtures.Line(3), "x"));
            Assert.Contains("locked by another process", e.Message);
            DbFixtures.Exec(other, "ROLLBACK");
        }
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void InsertMatches_WholeAndFractionalCoordinates_IntegerAndRealStorage()
    {
        string path = DbFixtures.NewDbPath();
        var set = new MatchSet();
        set.Add(new ChannelPair(0, 1), new BlobMatch([MatchRow.Of(DbFixtures.B(3, 4.5, 5, 0), DbFixtures.B(3, 4, 5, 1, radius: 3), 2)]));
        using (var db = ClrDb.Open(path)) MatchDatabase.InsertMatches(db, set, "s");
        using var dump = new SqliteDump(path);
        var t = dump.Rows("SELECT typeof(z), typeof(y), typeof(x), typeof(radius), typeof(confirmed), typeof(truth), typeof(channel) FROM blobs ORDER BY id");
        Assert.Equal(new object?[] { "integer", "real", "integer", "real", "integer", "integer", "integer" }, t[0]);
        Assert.Equal(new object?[] { "integer", "integer", "integer", "real", "integer", "integer", "integer" }, t[1]);
        Assert.Equal("real", dump.Rows("SELECT typeof(dist) FROM blob_matches")[0][0]);
        Assert.Equal(4.5, dump.Rows("SELECT y FROM blobs WHERE id = 1")[0][0]);
    }

    [Fact]
    public void InsertMatches_SameExperimentTwice_ReusesExperimentAndRoiAndReplacesRefoundBlobs()
    {
        string path = DbFixtures.NewDbPath();
        using var db = ClrDb.Open(path);
        MatchDatabase.InsertMatches(db, DbFixtures.Line(4), "e");
        var second = MatchDatabase.InsertMatches(db, DbFixtures.Line(4), "e");
        Assert.Equal(1, DbFixtures.Count(path, "experiments"));
        Assert.Equal(1, DbFixtures.Count(path, "rois"));
        // MagellanMapper's rerun behaviour: re-found blobs are replaced (new ids) and their old matches cascade away
        Assert.Equal(8, DbFixtures.Count(path, "blobs"));
        Assert.Equal(4, DbFixtures.Count(path, "blob_matches"));
        Assert.Equal(9L, second.Pairs[0].Value.Rows[0].Blob1Id);
        Assert.Equal(second.Pairs[0].Value.Rows, MatchDatabase.SelectMatches(db, [0, 1], expName: "e").Pairs[0].Value.Rows);
    }

    [Fact]
    public void InsertMatches_OriginRoiOfOtherSize_RefusedUnchanged()
    {
        string path = DbFixtures.NewDbPath();
        using (var db = ClrDb.Open(path)) MatchDatabase.InsertMatches(db, DbFixtures.Line(2), "e");
        using (var c = DbFixtures.Raw(path))
        {
            DbFixtures.Exec(c, "INSERT INTO experiments (name, date) VALUES ('roi', '2020-01-01 00:00:00')");
            DbFixtures.Exec(c, "INSERT INTO rois (experiment_id, series, offset_x, offset_y, offset_z, size_x, size_y, size_z) VALUES (2, 0, 0, 0, 0, 50, 50, 10)");
        }
        var before = File.ReadAllBytes(path);
        using (var db = ClrDb.Open(path))
        {
            var e = Assert.Throws<ColocFormatException>(() => MatchDatabase.InsertMatches(db, DbFixtures.Line(2), "roi"));
            Assert.Contains("would replace it and delete its matches", e.Message);
        }
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void SelectMatches_UnknownExperimentOrNoRoi_NeverWrites()
    {
        string path = DbFixtures.NewDbPath();
        using (var db = ClrDb.Open(path))
        {
            MatchDatabase.InsertMatches(db, DbFixtures.Line(2), "e");
            using var c = DbFixtures.Raw(path);
            DbFixtures.Exec(c, "INSERT INTO experiments (name, date) VALUES ('empty', '2020-01-01 00:00:00')");
        }
        var before = File.ReadAllBytes(path);
        using (var db = ClrDb.Open(path))
        {
            var e = Assert.Throws<ColocFormatException>(() => MatchDatabase.SelectMatches(db, [0, 1], expName: "nope"));
            Assert.Contains("'e'", e.Message);
            Assert.Empty(MatchDatabase.SelectMatches(db, [0, 1], expName: "empty").Pairs);
            var several = Assert.Throws<ColocFormatException>(() => MatchDatabase.SelectMatches(db, [0, 1]));
            Assert.Contains("several experiments ('e', 'empty')", several.Message);
            Assert.DoesNotContain("--", several.Message); // read by Fiji users too: no CLI flag names
        }
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void SelectMatches_RegionEdges_HalfOpenOnBothBlobs()
    {
        string path = DbFixtures.NewDbPath();
        using var db = ClrDb.Open(path);
        MatchDatabase.InsertMatches(db, DbFixtures.Line(10), "e"); // blob1 at y 10, blob2 at y 11, x = 0, 10, ..., 90
        Zyx off = new(5, 10, 20), end = new(6, 12, 50);
        var sel = MatchDatabase.SelectMatches(db, [0, 1], off, end - off, "e");
        Assert.Equal([20.0, 30, 40], sel.Pairs[0].Value.Rows.Select(r => r.Blob1.X));
        var tight = MatchDatabase.SelectMatches(db, [0, 1], off, new Zyx(1, 1, 100), "e"); // y < 11 excludes every blob2
        Assert.Empty(tight.Pairs); // nothing selected: no pair at all (MagellanMapper returns None)
        Assert.Throws<ArgumentException>(() => MatchDatabase.SelectMatches(db, [0, 1], off, null, "e"));
    }

    [Fact]
    public void SelectMatches_ChannelOrder_FollowsMagellanMappersLoops()
    {
        string path = DbFixtures.NewDbPath();
        using var db = ClrDb.Open(path);
        MatchDatabase.InsertMatches(db, DbFixtures.Triangle(), "tri");
        var sel = MatchDatabase.SelectMatches(db, [2, 0, 1], expName: "tri");
        Assert.Equal([new ChannelPair(0, 2), new ChannelPair(0, 1), new ChannelPair(1, 2)], sel.Pairs.Select(p => p.Key));
        var only = MatchDatabase.SelectMatches(db, [1, 2], expName: "tri");
        Assert.Equal([new ChannelPair(1, 2)], only.Pairs.Select(p => p.Key));
    }
}
