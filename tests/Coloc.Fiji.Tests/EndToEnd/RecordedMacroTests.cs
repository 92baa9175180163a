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
    private static string Screenshots => Path.Combine(RepoPaths.RepoRoot, "out", "screenshots");

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
        Directory.CreateDirectory(Screenshots);
        File.Copy(Path.Combine(outDir, "dialog.png"), Path.Combine(Screenshots, "match-blobs-dialog-filled.png"), true);
        File.Copy(Path.Combine(outDir, "help.png"), Path.Combine(Screenshots, "match-blobs-help.png"), true);
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
        Directory.CreateDirectory(Screenshots);
        File.Copy(Path.Combine(outDir, "dialog.png"), Path.Combine(Screenshots, "detect-blobs-dialog.png"), true);
        File.Copy(Path.Combine(outDir, "preview.png"), Path.Combine(Screenshots, "detect-blobs-preview.png"), true);
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
