using Coloc.Core.Geometry;
using Coloc.Fiji.Tests.ImageJ;
using Coloc.IO.Csv;
using Coloc.TestKit;

namespace Coloc.Fiji.Tests.EndToEnd;

/// <summary>
/// Issue 14, item 5: the dialogs as a user meets them in ImageJ's GUI (Xvfb) with the macro Recorder on. A user fills
/// the dialog (coloc.fijitest.DialogDriver sets the fields and presses OK); what the Recorder wrote is then run as a
/// macro and must give the same tables. Screenshots of the dialog and its Help window land in out/screenshots/.
/// </summary>
[Collection(ImageJCollection.Name)]
public sealed class RecordedMacroTests
{
    [Fact]
    public void MatchBlobsDialog_ChoicesAndChannelBoxesSetByHand_RecordedMacroReplaysToIdenticalTables()
    {
        using var ij = new ImageJHost();
        var shape = new ZyxInt(8, 80, 100);
        string blobs = Path.Combine(ij.Dir, "blobs.csv");
        SyntheticBlobs.Write(blobs, shape, seed: 14, count: 60);
        // A third channel: channel 1's blobs again, so every pair of channels has matches.
        var rows = BlobCsv.Read(blobs);
        BlobCsv.Write(blobs, [.. rows, .. rows.Where(b => b.Channel == 1).Select(b => b with { Channel = 2 })]);
        string setup = Path.Combine(ij.Dir, "setup.ijm");
        File.WriteAllText(setup, $"""
            newImage("three", "8-bit black", {shape.X}, {shape.Y}, 3, {shape.Z}, 1);
            run("Properties...", "channels=3 slices={shape.Z} frames=1 unit=micron pixel_width=0.5 pixel_height=0.5 voxel_depth=2");
            """);
        string outDir = Path.Combine(ij.Dir, "driver");
        Directory.CreateDirectory(outDir);
        var r = JavaHarness.RunGui("coloc.fijitest.DialogDriver", Path.Combine(ij.Dir), Path.Combine(ij.Dir, "home"), 400,
            ["-Dcoloc.help=true"], outDir, setup, "Match Blobs", "Coloc Matches,Coloc Summary",
            $"blobs={blobs}", "profile=lightsheet", "tolerance=4,3,3", "unit=pixel", "c2=false");
        Assert.True(r.ExitCode == 0 && r.Stdout.Contains("driver=done", StringComparison.Ordinal), r.ToString());

        string recorded = File.ReadAllText(Path.Combine(outDir, "recorded.ijm"));
        // The first word of each label is the key the engine parses; the unticked channel is absent.
        Assert.Contains($"run(\"Match Blobs\", \"blobs={blobs} mode=exact profile=lightsheet tolerance=4,3,3 unit=pixel c1 c3 output=[]", recorded);
        Assert.DoesNotContain("c2", recorded.Replace(blobs, "", StringComparison.Ordinal));
        foreach (var table in new[] { "Coloc Matches", "Coloc Summary" })
            Assert.Equal(File.ReadAllText(Path.Combine(outDir, $"recorded-{table}.csv")), File.ReadAllText(Path.Combine(outDir, $"replayed-{table}.csv")));
        var summary = FijiTables.Read(Path.Combine(outDir, "recorded-Coloc Summary.csv"));
        Assert.Equal(["1,3"], summary.Rows.Select(row => row[summary.Column(h => h == "Pair")]));
        Assert.True(FijiTables.Read(Path.Combine(outDir, "recorded-Coloc Matches.csv")).Rows.Length > 10);

        // Help opens the jar's HTML page: the command's section, the generated field table, the version and citation.
        string help = File.ReadAllText(Path.Combine(outDir, "help.html"));
        Assert.Contains("Match Blobs", help);
        Assert.Contains("Tolerance (z,y,x)", help);
        Assert.Contains("doi:10.1002/cpns.104", help);
        Assert.Contains("Coloc 0.", help);
        TestScreenshots.Keep(Path.Combine(outDir, "dialog.png"), "match-blobs-dialog-filled.png");
        TestScreenshots.Keep(Path.Combine(outDir, "help.png"), "match-blobs-help.png");
        TestScreenshots.Keep(Path.Combine(outDir, "table-Coloc Matches.png"), "match-results-table.png");
        TestScreenshots.Keep(Path.Combine(outDir, "table-Coloc Summary.png"), "match-summary-table.png");
    }

    [Fact]
    public void DetectBlobsDialog_PreviewThenOk_PreviewShowsSpotsOfTheSlice_RecordedMacroReplaysToIdenticalBlobTable()
    {
        using var ij = new ImageJHost();
        string setup = Path.Combine(ij.Dir, "setup.ijm");
        File.WriteAllText(setup, DetectionTests.SpotsMacro(Path.Combine(ij.Dir, "spots.tif")) + "\nsetBatchMode(\"exit and display\");\nStack.setPosition(1, 12, 1);\n");
        string outDir = Path.Combine(ij.Dir, "driver");
        Directory.CreateDirectory(outDir);
        var r = JavaHarness.RunGui("coloc.fijitest.DialogDriver", ij.Dir, Path.Combine(ij.Dir, "home"), 400,
            ["-Dcoloc.previewWait=6000"], outDir, setup, "Detect Blobs", "Coloc Blobs",
            "min_diameter=6", "max_diameter=12", "threshold=0.02", "preview=true");
        Assert.True(r.ExitCode == 0 && r.Stdout.Contains("driver=done", StringComparison.Ordinal), r.ToString());
        // Slice 12 (1-based) crosses every ball of both channels (centres at z 9..14, radius 6).
        int preview = int.Parse(r.Stdout.Split("preview=")[1].Split('\n')[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(preview >= 8, r.Stdout);
        string recorded = File.ReadAllText(Path.Combine(outDir, "recorded.ijm"));
        Assert.Contains("min_diameter=6 max_diameter=12 threshold=0.02", recorded);
        Assert.Equal(File.ReadAllText(Path.Combine(outDir, "recorded-Coloc Blobs.csv")), File.ReadAllText(Path.Combine(outDir, "replayed-Coloc Blobs.csv")));
        Assert.True(FijiTables.Read(Path.Combine(outDir, "recorded-Coloc Blobs.csv")).Rows.Length >= 8);
        TestScreenshots.Keep(Path.Combine(outDir, "dialog.png"), "detect-blobs-dialog.png");
        TestScreenshots.Keep(Path.Combine(outDir, "preview.png"), "detect-blobs-preview.png");
        TestScreenshots.Keep(Path.Combine(outDir, "table-Coloc Blobs.png"), "detect-blobs-table.png");
    }

    [Fact]
    public void IntensityColocalizeDialog_NoBlobFile_RecordedMacroReplaysToIdenticalFlagsAndSummaryTables()
    {
        using var ij = new ImageJHost();
        string setup = Path.Combine(ij.Dir, "setup.ijm");
        File.WriteAllText(setup, DetectionTests.SpotsMacro(Path.Combine(ij.Dir, "spots.tif")) + "\nsetBatchMode(\"exit and display\");\nStack.setPosition(1, 12, 1);\n");
        var (r, outDir) = Drive(ij, setup, "Intensity Colocalize", ["Coloc Intensity", "Coloc Intensity Summary"], [], "threshold=min");
        string recorded = File.ReadAllText(Path.Combine(outDir, "recorded.ijm"));
        Assert.Contains("run(\"Intensity Colocalize\", \"blobs=[] threshold=min", recorded);
        AssertReplayedSame(outDir, "Coloc Intensity", "Coloc Intensity Summary");
        var summary = FijiTables.Read(Path.Combine(outDir, "recorded-Coloc Intensity Summary.csv"));
        Assert.Equal(["C1", "C2"], summary.Rows.Select(row => row[summary.Column(h => h == "Blobs of")]));
        Assert.Equal(10, FijiTables.Read(Path.Combine(outDir, "recorded-Coloc Intensity.csv")).Rows.Length);
        TestScreenshots.Keep(Path.Combine(outDir, "dialog.png"), "intensity-colocalize-dialog.png");
        TestScreenshots.Keep(Path.Combine(outDir, "table-Coloc Intensity Summary.png"), "intensity-summary-table.png");
        TestScreenshots.Keep(Path.Combine(outDir, "table-Coloc Intensity.png"), "intensity-flags-table.png");
    }

    [Fact]
    public void ChannelStatisticsFromMenu_RecordedMacroReplaysToIdenticalTable()
    {
        using var ij = new ImageJHost();
        string setup = Path.Combine(ij.Dir, "setup.ijm");
        File.WriteAllText(setup, DetectionTests.SpotsMacro(Path.Combine(ij.Dir, "spots.tif")) + "\nsetBatchMode(\"exit and display\");\n");
        var (_, outDir) = Drive(ij, setup, "Channel Statistics", ["Coloc Channel Statistics"], ["-Dcoloc.noDialog=true"]);
        Assert.Contains("run(\"Channel Statistics\");", File.ReadAllText(Path.Combine(outDir, "recorded.ijm")));
        AssertReplayedSame(outDir, "Coloc Channel Statistics");
        var t = FijiTables.Read(Path.Combine(outDir, "recorded-Coloc Channel Statistics.csv"));
        // 96×80×24 voxels per channel; the balls peak at round(220·exp(−1/18)) = 208 (the innermost disc is 1 voxel off centre) on a black background.
        Assert.Equal(["1", "2"], t.Rows.Select(row => row[t.Column(h => h == "Channel")]));
        Assert.All(t.Rows, row => Assert.Equal("184320", row[t.Column(h => h == "Count")]));
        Assert.All(t.Rows, row => Assert.Equal("208", row[t.Column(h => h == "Max")]));
        TestScreenshots.Keep(Path.Combine(outDir, "table-Coloc Channel Statistics.png"), "channel-statistics-table.png");
    }

    [Fact]
    public void OpenColocDatabaseDialog_AfterMatchBlobsWithDatabase_RecordedMacroReplaysToIdenticalTable()
    {
        using var ij = new ImageJHost();
        string blobs = Path.Combine(ij.Dir, "pairs.csv"), db = Path.Combine(ij.Dir, "coloc.db"), setup = Path.Combine(ij.Dir, "setup.ijm");
        SyntheticBlobs.Write(blobs, new ZyxInt(8, 80, 100), seed: 5, count: 40);
        File.WriteAllText(setup, $"""
            newImage("stored", "8-bit black", 100, 80, 2, 8, 1);
            run("Match Blobs", "blobs=[{blobs}] mode=exact tolerance=[3,3,3] unit=pixel database=[{db}]");
            """);
        var (_, outDir) = Drive(ij, setup, "Open Coloc Database", ["Coloc Matches"], [], $"database={db}");
        Assert.Contains($"run(\"Open Coloc Database\", \"database={db}", File.ReadAllText(Path.Combine(outDir, "recorded.ijm")));
        AssertReplayedSame(outDir, "Coloc Matches");
        var t = FijiTables.Read(Path.Combine(outDir, "recorded-Coloc Matches.csv"));
        Assert.True(t.Rows.Length > 5, $"{t.Rows.Length} matches");
        Assert.All(t.Rows, row => Assert.NotEqual("NaN", row[t.Column(h => h == "Blob1 database id")]));
        TestScreenshots.Keep(Path.Combine(outDir, "dialog.png"), "open-database-dialog.png");
        TestScreenshots.Keep(Path.Combine(outDir, "table-Coloc Matches.png"), "open-database-table.png");
    }

    [Fact]
    public void AboutColocFromMenu_RecordedMacroReplaysToTheSameLog_WindowCaptured()
    {
        using var ij = new ImageJHost();
        string setup = Path.Combine(ij.Dir, "setup.ijm");
        File.WriteAllText(setup, "print(\"\");\n");
        var (_, outDir) = Drive(ij, setup, "About Coloc", ["Log"], ["-Dcoloc.noDialog=true", "-Dcoloc.window=About Coloc"]);
        Assert.Contains("run(\"About Coloc\");", File.ReadAllText(Path.Combine(outDir, "recorded.ijm")));
        string log = File.ReadAllText(Path.Combine(outDir, "recorded-Log.txt"));
        Assert.Matches(@"Coloc \d+\.\d+\.\d+ \(engine ABI \d+", log);
        Assert.Equal(log, File.ReadAllText(Path.Combine(outDir, "replayed-Log.txt")));
        TestScreenshots.Keep(Path.Combine(outDir, "window.png"), "about-coloc.png");
    }

    /// <summary>Runs <c>coloc.fijitest.DialogDriver</c> on <paramref name="command"/>; asserts it finished.</summary>
    private static (ProcessResult Result, string OutDir) Drive(ImageJHost ij, string setup, string command, string[] tables, string[] properties, params string[] fields)
    {
        string outDir = Path.Combine(ij.Dir, "driver");
        Directory.CreateDirectory(outDir);
        var r = JavaHarness.RunGui("coloc.fijitest.DialogDriver", ij.Dir, Path.Combine(ij.Dir, "home"), 400, properties,
            [outDir, setup, command, string.Join(',', tables), .. fields]);
        Assert.True(r.ExitCode == 0 && r.Stdout.Contains("driver=done", StringComparison.Ordinal), r.ToString());
        return (r, outDir);
    }

    /// <summary>Each table saved after the dialog equals the one saved after replaying the recorded macro.</summary>
    private static void AssertReplayedSame(string outDir, params string[] tables)
    {
        foreach (var table in tables)
            Assert.Equal(File.ReadAllText(Path.Combine(outDir, $"recorded-{table}.csv")), File.ReadAllText(Path.Combine(outDir, $"replayed-{table}.csv")));
    }

    [Fact]
    public void Menus_AboutAndAnalyzeColocalization_ListTheCommandsAndLogTheVersion()
    {
        using var ij = new ImageJHost();
        var r = ij.RunMacro("""
            List.setCommands;
            print("analyze-match=" + List.get("Coloc Match Blobs"));
            print("analyze-detect=" + List.get("Coloc Detect Blobs"));
            print("about=" + List.get("About Coloc"));
            run("About Coloc");
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("analyze-match=coloc.ij.Match_Blobs", r.Stdout);
        Assert.Contains("analyze-detect=coloc.ij.Detect_Blobs", r.Stdout);
        Assert.Contains("about=coloc.ij.About_Coloc", r.Stdout);
        Assert.Matches(@"Coloc \d+\.\d+\.\d+ \(engine ABI \d+, linux-x64; ImageJ 1\.\d+\w*, Java ", r.Stdout);
        Assert.Contains("please also cite MagellanMapper", r.Stdout);
    }
}
