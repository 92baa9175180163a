using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.IO.Database;
using CsCheck;

namespace Coloc.IO.Tests.Database;

/// <summary>Round trips of random three-channel results through a database file.</summary>
public sealed class MatchDatabasePropertyTests
{
    /// <summary>Random pools of distinct blobs per channel (coordinates on a half-voxel grid) and random matches per pair.</summary>
    private static MatchSet RandomSet(int seed)
    {
        var rnd = new Random(seed);
        var pools = new Blob[3][];
        for (int c = 0; c < 3; c++)
        {
            var seen = new HashSet<(double, double, double)>();
            var list = new List<Blob>();
            int n = rnd.Next(1, 12);
            while (list.Count < n)
            {
                var p = (rnd.Next(0, 8) / 2.0, rnd.Next(0, 20) / 2.0, rnd.Next(0, 20) / 2.0);
                if (seen.Add(p)) list.Add(new Blob(p.Item1, p.Item2, p.Item3, rnd.Next(1, 9) / 4.0, -1, -1, c));
            }
            pools[c] = list.ToArray();
        }
        var set = new MatchSet();
        foreach (var pair in ChannelPair.AllOf([0, 1, 2]))
        {
            var rows = new MatchRow[rnd.Next(0, 8)];
            for (int i = 0; i < rows.Length; i++)
                rows[i] = MatchRow.Of(pools[pair.A][rnd.Next(pools[pair.A].Length)], pools[pair.B][rnd.Next(pools[pair.B].Length)], rnd.NextDouble() * 3);
            set.Add(pair, new BlobMatch(rows));
        }
        return set;
    }

    private static MatchRow NoIds(MatchRow r) => MatchRow.Of(r.Blob1, r.Blob2, r.Distance);

    [Fact]
    public void InsertThenSelectWhole_RandomThreeChannelSets_EveryMatchBackWithConsistentIds()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var set = RandomSet(seed);
            string path = DbFixtures.NewDbPath();
            using var db = ClrDb.Open(path);
            var stored = MatchDatabase.InsertMatches(db, set, "p");
            var back = MatchDatabase.SelectMatches(db, [0, 1, 2], expName: "p");
            foreach (var (pair, m) in set.Pairs)
            {
                var got = back[pair]?.Rows ?? [];
                Assert.Equal(m.Rows.Select(NoIds), got.Select(NoIds));
                Assert.Equal(stored[pair]!.Rows, got);
            }
            var idOf = new Dictionary<Blob, long>();
            foreach (var r in stored.Pairs.SelectMany(p => p.Value.Rows))
            {
                Assert.Equal(r.Blob1Id!.Value, idOf.TryAdd(r.Blob1, r.Blob1Id.Value) ? r.Blob1Id.Value : idOf[r.Blob1]);
                Assert.Equal(r.Blob2Id!.Value, idOf.TryAdd(r.Blob2, r.Blob2Id.Value) ? r.Blob2Id.Value : idOf[r.Blob2]);
            }
            Assert.Equal(idOf.Count, DbFixtures.Count(path, "blobs"));
            Assert.Equal(set.TotalCount, DbFixtures.Count(path, "blob_matches"));
        }, iter: 60);
    }

    [Fact]
    public void SelectRegion_RandomBoxes_EqualsWholeSelectionFilteredOnBothBlobs()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var rnd = new Random(seed);
            var set = RandomSet(seed);
            string path = DbFixtures.NewDbPath();
            using (var w = ClrDb.Open(path)) MatchDatabase.InsertMatches(w, set, "p");
            using var db = ClrDb.OpenReadOnly(path);
            var whole = MatchDatabase.SelectMatches(db, [0, 1, 2], expName: "p");
            var off = new Zyx(rnd.Next(0, 4) / 2.0, rnd.Next(0, 10) / 2.0, rnd.Next(0, 10) / 2.0);
            var size = new Zyx(rnd.Next(1, 8) / 2.0, rnd.Next(1, 20) / 2.0, rnd.Next(1, 20) / 2.0);
            var box = new Box(off, size);
            var sub = MatchDatabase.SelectMatches(db, [0, 1, 2], off, size, "p");
            var expected = whole.Pairs.SelectMany(p => p.Value.Rows).Where(r => box.Contains(r.Blob1.Center) && box.Contains(r.Blob2.Center)).ToArray();
            Assert.Equal(expected, sub.Pairs.SelectMany(p => p.Value.Rows).OrderBy(r => r.MatchId));
        }, iter: 60);
    }
}
