using Coloc.Fiji.Tests.ImageJ;
using Coloc.TestKit;

namespace Coloc.Fiji.Tests.EndToEnd;

/// <summary>Intensity Colocalize and the results database in real ImageJ (-batch under Xvfb), against MagellanMapper's oracle.</summary>
[Collection(ImageJCollection.Name)]
public sealed class IntensityAndDatabaseTests
{
    [Fact]
    public void IntensityColocalize_OracleC01RoiTif_FlagsEqualMagellanMapperForMinAndPercentile()
    {
        using var ij = new ImageJHost();
        var c01 = RepoPaths.Case("C01_intensity_2ch");
        string min = Path.Combine(ij.Dir, "min.csv"), p5 = Path.Combine(ij.Dir, "p5.csv"), table = Path.Combine(ij.Dir, "t.csv");
        string summary = Path.Combine(ij.Dir, "s.csv");
        var r = ij.RunMacro($$"""
            open("{{Path.Combine(c01, "roi.tif")}}");
            run("Intensity Colocalize", "blobs=[{{Path.Combine(c01, "blobs.csv")}}] threshold=min output=[{{min}}]");
            {{FijiTables.Save("Coloc Intensity", table)}}
            {{FijiTables.Save("Coloc Intensity Summary", summary)}}
            run("Intensity Colocalize", "blobs=[{{Path.Combine(c01, "blobs.csv")}}] threshold=5 output=[{{p5}}]");
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(c01, "expected", "colocs_thresh-min.csv")), File.ReadAllBytes(min));
        Assert.Equal(File.ReadAllBytes(Path.Combine(c01, "expected", "colocs_thresh-5.csv")), File.ReadAllBytes(p5));
        // Thresholds as MagellanMapper's diagnostics give them (first row of each channel).
        Assert.Contains("threshold C1: 636.5455", r.Stdout);
        Assert.Contains("threshold C1: 434.7500", r.Stdout);
        // The Results table holds one row per blob with 1-based channel flag columns equal to the CSV's.
        var expected = OracleCsv.Read(Path.Combine(c01, "expected", "colocs_thresh-min.csv"));
        var shown = OracleCsv.Read(table);
        Assert.Equal(expected.Rows.Length, shown.Rows.Length);
        for (int i = 0; i < expected.Rows.Length; i++)
        {
            Assert.Equal(expected.Num(i, "c0"), shown.Num(i, "C1"));
            Assert.Equal(expected.Num(i, "c1"), shown.Num(i, "C2"));
        }
        // The summary: % of each channel's in-image blobs flagged in the other channel, from MagellanMapper's flags.
        var channels = OracleCsv.Read(Path.Combine(c01, "blobs.csv"));
        var s = FijiTables.Read(summary);
        foreach (var (a, b) in new[] { (0, 1), (1, 0) })
        {
            var rows = Enumerable.Range(0, expected.Rows.Length).Where(i => channels.Num(i, "channel") == a && expected.Num(i, "in_roi") == 1).ToArray();
            int positive = rows.Count(i => expected.Num(i, $"c{b}") == 1);
            var row = s.Rows.Single(x => x[s.Column(h => h == "Blobs of")] == $"C{a + 1}");
            Assert.Equal(rows.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), row[s.Column(h => h == "Blobs")]);
            Assert.Equal(positive.ToString(System.Globalization.CultureInfo.InvariantCulture), row[s.Column(h => h == "Positive")]);
            Assert.Contains($"Intensity Colocalize: C{a + 1} blobs positive for C{b + 1}: {(100.0 * positive / rows.Length).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} % ({positive} of {rows.Length})", r.Stdout);
        }
    }

    [Fact]
    public void IntensityColocalize_NoBlobFile_DetectsFirst_SummaryAndOverlay()
    {
        using var ij = new ImageJHost();
        string png = Path.Combine(ij.Dir, "overlay.png");
        var r = ij.RunMacro($$"""
            {{DetectionTests.SpotsMacro(Path.Combine(ij.Dir, "spots.tif"))}}
            run("Make Composite");
            run("Intensity Colocalize", "threshold=min");
            print("flags=" + Table.size("Coloc Intensity") + " pairs=" + Table.size("Coloc Intensity Summary"));
            n = 0; for (i = 0; i < Overlay.size; i++) { Overlay.activateSelection(i); if (startsWith(Roi.getName, "Coloc C1 ")) n++; }
            print("c1-rois=" + n);
            run("Select None");
            run("Duplicate...", "title=slice duplicate channels=1-2 slices=12");
            run("Scale...", "x=4 y=4 interpolation=None process create title=zoom");
            run("Flatten");
            saveAs("PNG", "{{png}}");
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
        // The synthetic balls are found in both channels (10 blobs), every pair of channels gets a row.
        Assert.Contains("flags=10 pairs=2", r.Stdout);
        Assert.Contains("Intensity Colocalize: C1 blobs positive for C2: ", r.Stdout);
        Assert.DoesNotContain("c1-rois=0", r.Stdout);
        TestScreenshots.Keep(png, "intensity-overlay.png");
    }

    [Fact]
    public void MatchBlobsDatabaseThenOpenColocDatabase_WholeImageAndRectangle_SelectLikeMagellanMapper()
    {
        using var ij = new ImageJHost();
        var sample = Path.Combine(RepoPaths.RepoRoot, "macros", "sample");
        string db = Path.Combine(ij.Dir, "coloc.db");
        var r = ij.RunMacro($$"""
            open("{{Path.Combine(sample, "sample.zip")}}");
            run("Match Blobs", "blobs=[{{Path.Combine(sample, "blobs.csv")}}] mode=magmap database=[{{db}}]");
            run("Open Coloc Database", "database=[{{db}}] channels=[1,2]");
            print("whole=" + Table.size("Coloc Matches"));
            makeRectangle(450, 400, 250, 300);
            run("Open Coloc Database", "database=[{{db}}] channels=[1,2] experiment=[sample]");
            t = "Coloc Matches";
            print("region=" + Table.size(t) + " first=" + Table.get("Z1 (px)", 0, t) + "," + Table.get("Y1 (px)", 0, t) + "," + Table.get("X1 (px)", 0, t));
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
        // Oracle "db" case on B01: 176 matches for the whole image, 20 in offset (0,400,450) shape (60,300,250).
        Assert.Contains("whole=176", r.Stdout);
        Assert.Contains("region=20", r.Stdout);
        var selected = OracleCsv.Read(Path.Combine(RepoPaths.Case("db"), "select_region", "selected_c0_c1.csv"));
        Assert.Contains($"first={selected.Num(0, "blob1_z")},{selected.Num(0, "blob1_y")},{selected.Num(0, "blob1_x")}", r.Stdout);
    }

    [Fact]
    public void MatchBlobsWithDatabaseAndOutput_BothModes_FolderByteIdenticalToColocMatchDb()
    {
        using var ij = new ImageJHost();
        var sample = Path.Combine(RepoPaths.RepoRoot, "macros", "sample");
        string blobs = Path.Combine(sample, "blobs.csv");
        string[] modes = ["magmap", "exact"];
        var macro = new System.Text.StringBuilder($"open(\"{Path.Combine(sample, "sample.zip")}\");\n");
        foreach (var mode in modes)
            macro.Append($"run(\"Match Blobs\", \"blobs=[{blobs}] mode={mode} database=[{Path.Combine(ij.Dir, mode + ".db")}] output=[{Path.Combine(ij.Dir, mode)}]\");\n");
        var r = ij.RunMacro(macro.ToString());
        Assert.True(r.ExitCode == 0, r.ToString());
        foreach (var mode in modes)
        {
            string cliDb = Path.Combine(ij.Dir, "cli-" + mode + ".db"), cliOut = Path.Combine(ij.Dir, "cli-" + mode);
            var (o, e) = (new StringWriter(), new StringWriter());
            int code = Coloc.Cli.Program.Run(
                ["match", "--blobs", blobs, "--mode", mode, "--shape", "60,1100,1100", "--resolution", "1,1,1", "--db", cliDb, "--out", cliOut], o, e);
            Assert.True(code == 0, e.ToString());
            EngineReference.AssertSameFolder(cliOut, Path.Combine(ij.Dir, mode));
            // the id columns are filled (MatchID, RoiID, Blob1ID of the first match), as the database gave them
            Assert.StartsWith("1,1,1,", File.ReadAllLines(Path.Combine(ij.Dir, mode, "matches_c0_c1.csv"))[1]);
            using var fiji = new SqliteDump(Path.Combine(ij.Dir, mode + ".db"));
            using var cli = new SqliteDump(cliDb);
            foreach (var table in new[] { "rois", "blobs", "blob_matches" })
                Assert.Equal(cli.TableCsv(table), fiji.TableCsv(table));
        }
    }
}
