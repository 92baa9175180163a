using System.Globalization;
using System.Text.Json;
using Coloc.Core.Matching;
using Coloc.Core.Geometry;
using Coloc.Core.Profiles;
using Coloc.IO.Csv;
using Coloc.IO.Database;
using Coloc.Oracle.Tests.Magmap;
using Coloc.TestKit;

namespace Coloc.Oracle.Tests.Database;

/// <summary>
/// Every oracle database case (<c>db*</c> folders, e.g. <c>db</c> from B01 and the 3-channel <c>db_3ch</c> from B02):
/// recompute the source case's matches, store them, and compare. With one channel pair our tables and selections equal
/// MagellanMapper's exactly. With more pairs (README, Differences from MagellanMapper, D18: fixed) we store every match
/// — MagellanMapper loses some — so we check that all matches are stored and that every match MagellanMapper kept or
/// selected is among ours (same pair, blobs and distance); ids differ by design from the first blob shared by two pairs
/// on.
/// </summary>
public sealed class DbCaseTests
{
    public static TheoryData<string> Cases() => new(RepoPaths.Cases("db").Select(Path.GetFileName)!);

    private sealed record Stored(string Path, MatchSet Input, MatchSet Ours, bool OnePair);

    private static Stored Store(string caseDir)
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(caseDir, "insert_summary.json")));
        string source = RepoPaths.Case(summary.RootElement.GetProperty("source_case").GetString()!);
        var p = OracleParams.Load(source);
        double[] s = p.Vector("shape_zyx")!;
        var request = new MatchRequest
        {
            Mode = MatchMode.Magmap,
            ShapeVoxels = new ZyxInt((int)s[0], (int)s[1], (int)s[2]),
            ResolutionUm = p.Vector("config_resolutions_zyx") is { } r ? new Zyx(r[0], r[1], r[2]) : Zyx.All(1),
            Profile = RoiProfiles.Resolve(p.Text("roi_profile_name") ?? "default"),
            Channels = p.Vector("channels")?.Select(c => (int)c).ToArray(),
            Threads = 2,
        };
        var input = MatchEngine.Run(BlobCsv.Read(System.IO.Path.Combine(source, "blobs.csv")), request);
        string exp = OracleCsv.Read(System.IO.Path.Combine(caseDir, "experiments.csv")).Rows[0][1];
        string path = System.IO.Path.Combine(RepoPaths.NewTempDir(), "case.db");
        using var db = ClrDb.Open(path);
        var ours = MatchDatabase.InsertMatches(db, input, exp);
        int pairs = summary.RootElement.GetProperty("inserted_pairs_in_order").GetArrayLength();
        return new Stored(path, input, ours, pairs == 1);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void InsertMatches_OracleDbCase_TablesEqualOrKeepEveryMatch(string name)
    {
        string dir = RepoPaths.Case(name);
        var st = Store(dir);
        using var dump = new SqliteDump(st.Path);
        Assert.Equal(File.ReadAllText(System.IO.Path.Combine(dir, "schema.sql")).TrimEnd('\n') + "\n", dump.Schema());
        foreach (var t in new[] { "about", "experiments", "rois" })
            Assert.Equal(File.ReadAllText(System.IO.Path.Combine(dir, t + ".csv")).ReplaceLineEndings("\n"), dump.TableCsv(t));
        if (st.OnePair)
        {
            foreach (var t in new[] { "sqlite_sequence", "blobs", "blob_matches" })
                Assert.Equal(File.ReadAllText(System.IO.Path.Combine(dir, t + ".csv")).ReplaceLineEndings("\n"), dump.TableCsv(t));
            return;
        }
        Assert.Equal((long)st.Input.TotalCount, dump.Rows("SELECT count(*) FROM blob_matches")[0][0]);
        var blobs = OracleCsv.Read(System.IO.Path.Combine(dir, "blobs.csv"));
        var byId = Enumerable.Range(0, blobs.Rows.Length).ToDictionary(i => (long)blobs.Num(i, "id"),
            i => (blobs.Num(i, "z"), blobs.Num(i, "y"), blobs.Num(i, "x"), blobs.Num(i, "channel")));
        var ours = st.Ours.Pairs.SelectMany(p => p.Value.Rows).Select(r => Key(r)).ToHashSet();
        var theirs = OracleCsv.Read(System.IO.Path.Combine(dir, "blob_matches.csv"));
        for (int i = 0; i < theirs.Rows.Length; i++)
        {
            var (b1, b2) = (byId[(long)theirs.Num(i, "blob1")], byId[(long)theirs.Num(i, "blob2")]);
            Assert.Contains((b1, b2, theirs.Num(i, "dist")), ours);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SelectMatches_OracleDbCase_EqualsOrContainsMagellanMappersSelection(string name)
    {
        string dir = RepoPaths.Case(name);
        var st = Store(dir);
        using var db = ClrDb.OpenReadOnly(st.Path);
        foreach (var sel in Directory.EnumerateDirectories(dir, "select_*"))
        {
            var s = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(sel, "summary.json"))).RootElement;
            int[] channels = s.GetProperty("channels").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Zyx? V(string k) => s.GetProperty(k).ValueKind == JsonValueKind.Null ? null
                : new Zyx(s.GetProperty(k)[0].GetDouble(), s.GetProperty(k)[1].GetDouble(), s.GetProperty(k)[2].GetDouble());
            var ours = MatchDatabase.SelectMatches(db, channels, V("offset_zyx"), V("shape_zyx"), OracleCsv.Read(System.IO.Path.Combine(dir, "experiments.csv")).Rows[0][1]);
            foreach (var f in Directory.EnumerateFiles(sel, "selected_c*_c*.csv"))
            {
                var parts = System.IO.Path.GetFileNameWithoutExtension(f)["selected_c".Length..].Split("_c");
                var pair = new ChannelPair(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
                var golden = OracleCsv.Read(f);
                var rows = ours[pair]?.Rows ?? [];
                var keys = rows.Select(Key).ToHashSet();
                for (int i = 0; i < golden.Rows.Length; i++)
                {
                    var k = ((golden.Num(i, "blob1_z"), golden.Num(i, "blob1_y"), golden.Num(i, "blob1_x"), golden.Num(i, "blob1_channel")),
                             (golden.Num(i, "blob2_z"), golden.Num(i, "blob2_y"), golden.Num(i, "blob2_x"), golden.Num(i, "blob2_channel")),
                             golden.Num(i, "Distance"));
                    Assert.Contains(k, keys);
                    if (st.OnePair)
                    {
                        Assert.Equal((long)golden.Num(i, "MatchID"), rows[i].MatchId);
                        Assert.Equal((long)golden.Num(i, "Blob1ID"), rows[i].Blob1Id);
                        Assert.Equal((long)golden.Num(i, "Blob2ID"), rows[i].Blob2Id);
                    }
                }
                if (st.OnePair) Assert.Equal(golden.Rows.Length, rows.Count);
            }
        }
    }

    private static ((double, double, double, double), (double, double, double, double), double) Key(MatchRow r) =>
        ((r.Blob1.Z, r.Blob1.Y, r.Blob1.X, r.Blob1.Channel), (r.Blob2.Z, r.Blob2.Y, r.Blob2.X, r.Blob2.Channel), r.Distance);
}
