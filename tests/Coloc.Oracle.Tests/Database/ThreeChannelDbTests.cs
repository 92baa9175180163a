using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.IO.Csv;
using Coloc.IO.Database;
using Coloc.Oracle.Tests.Magmap;
using Coloc.TestKit;
using Coloc.Core.Matching.Magmap;

namespace Coloc.Oracle.Tests.Database;

/// <summary>
/// README, Differences from MagellanMapper, D18 (lost matches) fixed on a real three-channel result (oracle case A02,
/// 25 + 13 + 20 matches): we store every match, and MagellanMapper's insertion, replayed on the same input, loses the
/// matches of earlier pairs whose blobs recur later.
/// </summary>
public sealed class ThreeChannelDbTests
{
    private static MatchSet A02()
    {
        string dir = RepoPaths.Case("A02_three_channels_random");
        var p = OracleParams.Load(dir);
        double[] o = p.Vector("offset_xyz")!, s = p.Vector("size_xyz")!, t = p.Vector("tol")!;
        var roi = new Box(new Zyx(o[2], o[1], o[0]), new Zyx(s[2], s[1], s[0]));
        return MagmapRoiColocalizer.Colocalize(BlobCsv.Read(Path.Combine(dir, "blobs.csv")), roi, new Zyx(t[0], t[1], t[2]));
    }

    [Fact]
    public void InsertMatches_A02ThreeChannels_AllMatchesStoredAndSelectedBack()
    {
        var set = A02();
        Assert.Equal([25, 13, 20], set.Pairs.Select(p => p.Value.Count));
        string path = Path.Combine(RepoPaths.NewTempDir(), "a02.db");
        using var db = ClrDb.Open(path);
        var stored = MatchDatabase.InsertMatches(db, set, "a02");
        var back = MatchDatabase.SelectMatches(db, [0, 1, 2], expName: "a02");
        Assert.Equal(58, back.TotalCount);
        foreach (var (pair, m) in stored.Pairs) Assert.Equal(m.Rows, back[pair]!.Rows);
        int distinct = set.Pairs.SelectMany(p => p.Value.Rows).SelectMany(r => new[] { r.Blob1, r.Blob2 }).Distinct().Count();
        using var dump = new SqliteDump(path);
        Assert.Equal((long)distinct, dump.Rows("SELECT count(*) FROM blobs")[0][0]);
        Assert.True(distinct < 2 * 58, "A02 must share blobs between pairs for this test to mean anything");
    }

    [Fact]
    public void MagellanMapperStyleInsert_A02ThreeChannels_LosesMatchesWeKeep()
    {
        var set = A02();
        string path = Path.Combine(RepoPaths.NewTempDir(), "magmap.db");
        using (var db = ClrDb.Open(path)) MatchDatabase.InsertMatches(db, new MatchSet(), "a02"); // schema, experiment, ROI 1
        MagmapStyleInsert.Run(path, set);
        using var db2 = ClrDb.OpenReadOnly(path);
        var theirs = MatchDatabase.SelectMatches(db2, [0, 1, 2], expName: "a02");
        var last = set.Pairs[^1];
        Assert.Equal(last.Value.Rows.Select(r => (r.Blob1, r.Blob2)), theirs[last.Key]!.Rows.Select(r => (r.Blob1, r.Blob2)));
        Assert.True(theirs.TotalCount < set.TotalCount, $"MagellanMapper-style insertion kept {theirs.TotalCount} of {set.TotalCount}");
        foreach (var (pair, m) in theirs.Pairs) // what survives is a subset of what we store
            Assert.All(m.Rows, r => Assert.Contains(set[pair]!.Rows, x => x.Blob1 == r.Blob1 && x.Blob2 == r.Blob2));
    }
}
