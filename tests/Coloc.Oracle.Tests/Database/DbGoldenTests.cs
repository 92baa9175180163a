using System.Text.Json;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.IO.Database;
using Coloc.TestKit;

namespace Coloc.Oracle.Tests.Database;

/// <summary>
/// Oracle case D: the database we write for B01 equals MagellanMapper's dump table for table (ids, coordinates,
/// distances as text; dates aside), with the same schema text and storage classes, and our selects return the rows
/// MagellanMapper selected (exact doubles).
/// </summary>
public sealed class DbGoldenTests
{
    private static string WriteB01()
    {
        string path = Path.Combine(RepoPaths.NewTempDir(), "b01.db");
        using var db = ClrDb.Open(path);
        MatchDatabase.InsertMatches(db, DbOracle.B01Matches(), DbOracle.ExpName);
        return path;
    }

    [Fact]
    public void InsertMatches_B01_TablesEqualMagellanMappers()
    {
        string path = WriteB01();
        using var dump = new SqliteDump(path);
        foreach (var t in DbOracle.Tables)
        {
            string expected = File.ReadAllText(Path.Combine(DbOracle.Dir, t + ".csv")).ReplaceLineEndings("\n");
            Assert.Equal(expected, dump.TableCsv(t));
        }
    }

    [Fact]
    public void InsertMatches_B01_SchemaTextEqualsSchemaSql()
    {
        string path = WriteB01();
        using var dump = new SqliteDump(path);
        Assert.Equal(File.ReadAllText(Path.Combine(DbOracle.Dir, "schema.sql")).TrimEnd('\n') + "\n", dump.Schema());
    }

    [Fact]
    public void InsertMatches_B01_StorageClassesEqualInsertSummary()
    {
        string path = WriteB01();
        using var dump = new SqliteDump(path);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(DbOracle.Dir, "insert_summary.json")));
        var tables = doc.RootElement.GetProperty("tables");
        foreach (var t in tables.EnumerateObject())
        {
            var actual = dump.StorageClasses(t.Name);
            var expected = t.Value.GetProperty("storage_classes").EnumerateObject()
                .ToDictionary(c => c.Name, c => c.Value.EnumerateArray().Select(v => v.GetString()!).Order(StringComparer.Ordinal).ToArray());
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
            foreach (var (col, classes) in expected) Assert.Equal(classes, actual[col]);
            Assert.Equal(t.Value.GetProperty("rows").GetInt32(), dump.Rows($"SELECT count(*) FROM {t.Name}")[0][0] is long n ? (int)n : -1);
        }
    }

    [Theory]
    [InlineData("select_whole_image")]
    [InlineData("select_region")]
    public void SelectMatches_B01_EqualsMagellanMappersSelection(string label)
    {
        string path = WriteB01();
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(DbOracle.Dir, label, "summary.json")));
        var s = summary.RootElement;
        int[] channels = s.GetProperty("channels").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Zyx? offset = Vec(s.GetProperty("offset_zyx"));
        Zyx? shape = Vec(s.GetProperty("shape_zyx"));

        using var db = ClrDb.OpenReadOnly(path);
        var set = MatchDatabase.SelectMatches(db, channels, offset, shape, DbOracle.ExpName);

        var pairs = s.GetProperty("pairs").EnumerateArray().Select(p => new ChannelPair(p[0].GetInt32(), p[1].GetInt32())).ToArray();
        Assert.Equal(pairs, set.Pairs.Select(p => p.Key).ToArray());
        foreach (var pair in pairs)
        {
            var golden = OracleCsv.Read(Path.Combine(DbOracle.Dir, label, $"selected_c{pair.A}_c{pair.B}.csv"));
            var rows = set[pair]!.Rows;
            Assert.Equal(s.GetProperty("counts").GetProperty(pair.Key).GetInt32(), rows.Count);
            Assert.Equal(golden.Rows.Length, rows.Count);
            for (int i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                // our rows come in MagellanMapper's frame order (native_index ascending) = match-id order
                Assert.Equal(i, (int)golden.Num(i, "native_index"));
                Assert.Equal((long)golden.Num(i, "MatchID"), r.MatchId);
                Assert.Equal((long)golden.Num(i, "RoiID"), r.RoiId);
                Assert.Equal((long)golden.Num(i, "Blob1ID"), r.Blob1Id);
                Assert.Equal((long)golden.Num(i, "Blob2ID"), r.Blob2Id);
                Assert.Equal((long)golden.Num(i, "blob1_id"), r.Blob1Id);
                Assert.Equal((long)golden.Num(i, "blob2_id"), r.Blob2Id);
                Assert.Equal(golden.Num(i, "Distance"), r.Distance);
                string[] cols = ["z", "y", "x", "radius", "confirmed", "truth", "channel"];
                for (int k = 0; k < cols.Length; k++)
                {
                    Assert.Equal(golden.Num(i, "blob1_" + cols[k]), r.Blob1[k]);
                    Assert.Equal(golden.Num(i, "blob2_" + cols[k]), r.Blob2[k]);
                }
            }
        }
    }

    private static Zyx? Vec(JsonElement e) =>
        e.ValueKind == JsonValueKind.Null ? null
            : new Zyx(e[0].GetDouble(), e[1].GetDouble(), e[2].GetDouble());
}
