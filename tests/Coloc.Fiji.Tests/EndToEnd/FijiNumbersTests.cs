using System.Text.Json;
using Coloc.Core.Blobs;
using Coloc.Fiji.Tests.ImageJ;
using Coloc.IO.Csv;

namespace Coloc.Fiji.Tests.EndToEnd;

/// <summary>Issue 14, item 1: numbers a biologist can publish (µm distances, parameters recorded, 1-based channels).</summary>
[Collection(ImageJCollection.Name)]
public sealed class FijiNumbersTests
{
    /// <summary>
    /// Voxels 0.5×0.5×2 µm (x,y,z), tolerance 3 µm: one pair 2 voxels apart in x (1 µm), one 1 voxel apart in z (2 µm).
    /// The µm column shows 1 and 2; the scaled column the engine's (tolerance 6,6,1.5 voxels → scaled by max/tol:
    /// 2 voxels in x → 2, 1 voxel in z → 4).
    /// </summary>
    [Fact]
    public void MatchBlobs_AnisotropicVoxels_DistanceColumnInMicrometres_AndParametersInLogAndSummary()
    {
        using var ij = new ImageJHost();
        string blobs = Path.Combine(ij.Dir, "pairs.csv"), outDir = Path.Combine(ij.Dir, "out"), table = Path.Combine(ij.Dir, "matches.csv");
        BlobCsv.Write(blobs, [
            new Blob(5, 20, 20, 2, -1, -1, 0), new Blob(5, 40, 40, 2, -1, -1, 0),
            new Blob(5, 20, 22, 2, -1, -1, 1), new Blob(6, 40, 40, 2, -1, -1, 1),
        ]);
        var r = ij.RunMacro($$"""
            newImage("aniso", "8-bit black", 64, 64, 2, 12, 1);
            run("Properties...", "channels=2 slices=12 frames=1 unit=micron pixel_width=0.5 pixel_height=0.5 voxel_depth=2");
            run("Match Blobs", "blobs=[{{blobs}}] mode=exact tolerance=[3,3,3] unit=micron output=[{{outDir}}]");
            {{FijiTables.Save("Coloc Matches", table)}}
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
        var t = FijiTables.Read(table);
        int um = t.Column(h => h.StartsWith("Distance (", StringComparison.Ordinal));
        int scaled = t.Column(h => h.StartsWith("Scaled distance", StringComparison.Ordinal));
        Assert.Equal(2, t.Rows.Length);
        var pairs = t.Rows.Select(row => (Um: double.Parse(row[um], System.Globalization.CultureInfo.InvariantCulture),
            Scaled: double.Parse(row[scaled], System.Globalization.CultureInfo.InvariantCulture))).OrderBy(p => p.Um).ToArray();
        Assert.Equal((1.0, 2.0), pairs[0]);
        Assert.Equal((2.0, 4.0), pairs[1]);
        Assert.Contains("tolerance=3,3,3 µm = 1.5,6,6 voxels (given in µm)", r.Stdout);
        Assert.Contains("resolution=2,0.5,0.5 µm/voxel", r.Stdout);
        Assert.Contains("1,2: 2 matches (100.0 % of 2 in C1, 100.0 % of 2 in C2)", r.Stdout);

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "summary.json")));
        var p = json.RootElement.GetProperty("parameters");
        Assert.Equal("exact", p.GetProperty("mode").GetString());
        Assert.Equal("um", p.GetProperty("tolerance_source").GetString());
        Assert.Equal([3.0, 3.0, 3.0], p.GetProperty("tolerance_um").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([1.5, 6.0, 6.0], p.GetProperty("tolerance_voxels").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([2.0, 0.5, 0.5], p.GetProperty("resolution_um").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal("default", p.GetProperty("profile").GetString());
        // The matches CSV stays MagellanMapper's format, version 1 (no µm column there).
        Assert.DoesNotContain("(", File.ReadAllLines(Path.Combine(outDir, "matches_c0_c1.csv"))[0]);
    }
    /// <summary>
    /// A blob's row in its file and its database id are separate columns, present in both tables: after Match Blobs
    /// the index columns point at the blob CSV's rows and the id columns are NaN; after Open Coloc Database the id
    /// columns hold the database's blob ids and the index columns are NaN.
    /// </summary>
    [Fact]
    public void MatchBlobsThenOpenColocDatabase_IndexAndDatabaseIdColumns_EachFilledWhereItApplies()
    {
        using var ij = new ImageJHost();
        string blobs = Path.Combine(ij.Dir, "pairs.csv"), db = Path.Combine(ij.Dir, "coloc.db");
        string matched = Path.Combine(ij.Dir, "matched.csv"), opened = Path.Combine(ij.Dir, "opened.csv");
        Blob[] rows = [
            new Blob(5, 40, 40, 2, -1, -1, 0), new Blob(3, 9, 50, 2, -1, -1, 0), new Blob(5, 20, 20, 2, -1, -1, 0),
            new Blob(9, 55, 5, 2, -1, -1, 1), new Blob(5, 20, 22, 2, -1, -1, 1), new Blob(6, 40, 40, 2, -1, -1, 1),
        ];
        BlobCsv.Write(blobs, rows);
        var r = ij.RunMacro($$"""
            newImage("ids", "8-bit black", 64, 64, 2, 12, 1);
            run("Match Blobs", "blobs=[{{blobs}}] mode=exact tolerance=[3,3,3] unit=pixel database=[{{db}}]");
            {{FijiTables.Save("Coloc Matches", matched)}}
            run("Open Coloc Database", "database=[{{db}}] channels=[1,2]");
            {{FijiTables.Save("Coloc Matches", opened)}}
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
        var m = FijiTables.Read(matched);
        var o = FijiTables.Read(opened);
        Assert.Equal(m.Headers, o.Headers);
        Assert.Equal(2, m.Rows.Length);
        Assert.Equal(2, o.Rows.Length);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        using var dump = new Coloc.TestKit.SqliteDump(db);
        foreach (var (t, fromDb) in new[] { (m, false), (o, true) })
        {
            foreach (var row in t.Rows)
            {
                foreach (var k in new[] { 1, 2 })
                {
                    string index = row[t.Column(h => h == $"Blob{k} index")], id = row[t.Column(h => h == $"Blob{k} database id")];
                    var zyx = new[] { "Z", "Y", "X" }.Select(a => double.Parse(row[t.Column(h => h == $"{a}{k} (px)")], inv)).ToArray();
                    Assert.Equal("NaN", fromDb ? index : id);
                    if (!fromDb)
                    {
                        var b = rows[int.Parse(index, inv)];
                        Assert.Equal([b.Z, b.Y, b.X], zyx);
                    }
                    else
                    {
                        var stored = dump.Rows($"SELECT z, y, x FROM blobs WHERE id = {long.Parse(id, inv)}").Single();
                        Assert.Equal(zyx, stored.Select(v => Convert.ToDouble(v, inv)));
                    }
                }
            }
        }
    }
}
