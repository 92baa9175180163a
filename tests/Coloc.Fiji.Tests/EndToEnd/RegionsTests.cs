using System.Globalization;
using Coloc.Core.Geometry;
using Coloc.Fiji.Tests.ImageJ;
using Coloc.TestKit;

namespace Coloc.Fiji.Tests.EndToEnd;

/// <summary>
/// Issue 12, items 1, 4 and 5 (Fiji): Coloc Regions in real ImageJ 1.53t — the table equals <c>coloc regions</c> on the
/// same input, the recorded macro replays to the same table, ROIs give the regions of the equivalent labels image, bad
/// labels give one line and exit 2. Screenshots of the dialog, the table and the plots land in out/screenshots/.
/// </summary>
[Collection(ImageJCollection.Name)]
public sealed class RegionsTests
{
    private static readonly ZyxInt Shape = new(8, 80, 100);
    /// <summary>The count columns of regions.csv (0-based channels, MagellanMapper's names) and of the Fiji table (1-based).</summary>
    private static readonly string[] CountColumns = ["label", "voxels", "blobs_c0", "blobs_c1", "matches_c0_c1"];
    private static readonly string[] FijiCountColumns = ["label", "voxels", "blobs_C1", "blobs_C2", "matches_C1_C2"];

    /// <summary>
    /// Macro text: "img", 2 channels, 8 × 80 × 100, 2 × 0.5 × 0.5 µm; "atlas", 16-bit, regions 1 (x &lt; 30), 2
    /// (30 ≤ x &lt; 60), 3 (x ≥ 60, y &lt; 40), background elsewhere, saved to <paramref name="tif"/>; "img" selected.
    /// </summary>
    private static string Setup(string tif, string atlasType = "16-bit") => $$"""
        newImage("img", "8-bit black", {{Shape.X}}, {{Shape.Y}}, 2, {{Shape.Z}}, 1);
        run("Properties...", "channels=2 slices={{Shape.Z}} frames=1 unit=micron pixel_width=0.5 pixel_height=0.5 voxel_depth=2");
        newImage("atlas", "{{atlasType}} black", {{Shape.X}}, {{Shape.Y}}, {{Shape.Z}});
        for (z = 1; z <= {{Shape.Z}}; z++) {
            setSlice(z);
            makeRectangle(0, 0, 30, 80); run("Set...", "value=1 slice");
            makeRectangle(30, 0, 30, 80); run("Set...", "value=2 slice");
            makeRectangle(60, 0, 40, 40); run("Set...", "value=3 slice");
        }
        run("Select None");
        saveAs("Tiff", "{{tif}}");
        rename("atlas");
        selectImage("img");
        """;

    private static string Blobs(string dir)
    {
        string blobs = Path.Combine(dir, "blobs.csv");
        SyntheticBlobs.Write(blobs, Shape, seed: 12, count: 80);
        return blobs;
    }

    private static int Cli(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        int code = Coloc.Cli.Program.Run(args, o, e);
        Assert.True(code == 0, $"coloc {string.Join(' ', args)}: exit {code}\n{o}\n{e}");
        return code;
    }

    /// <summary>The count columns of a regions.csv, or of a saved Coloc Regions table (<paramref name="fiji"/>), row by row.</summary>
    private static string[][] Counts(FijiTables t, bool fiji = true) =>
        t.Rows.Select(r => (fiji ? FijiCountColumns : CountColumns).Select(c => double.Parse(r[t.Column(h => h == c)], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)).ToArray()).ToArray();

    [Fact]
    public void LabelsImage_TableCountsAndFilesEqualColocRegions()
    {
        using var ij = new ImageJHost();
        string blobs = Blobs(ij.Dir), tif = Path.Combine(ij.Dir, "atlas.tif"), fijiOut = Path.Combine(ij.Dir, "fiji"), table = Path.Combine(ij.Dir, "table.csv");
        var r = ij.RunMacro(Setup(tif) + $$"""
            run("Coloc Regions", "labels=atlas blobs=[{{blobs}}] tolerance=[2,3,3] unit=pixel permutations=49 seed=7 output=[{{fijiOut}}]");
            {{FijiTables.Save("Coloc Regions", table)}}
            print("plots=" + isOpen("Coloc Regions enrichment C1_C2") + "," + isOpen("Coloc Regions L(r) C1_C2"));
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("plots=1,1", r.Stdout);

        string matches = Path.Combine(ij.Dir, "m"), cliOut = Path.Combine(ij.Dir, "cli");
        Cli("match", "--blobs", blobs, "--shape", $"{Shape.Z},{Shape.Y},{Shape.X}", "--tol", "2,3,3", "--out", matches);
        Cli("regions", "--blobs", blobs, "--matches", matches, "--labels", tif, "--image-shape", $"{Shape.Z},{Shape.Y},{Shape.X}",
            "--resolution", "2,0.5,0.5", "--permutations", "49", "--seed", "7", "--out", cliOut);

        var cli = FijiTables.Read(Path.Combine(cliOut, "regions.csv"));
        var fiji = FijiTables.Read(table);
        Assert.Equal(["0", "1", "2", "3"], cli.Rows.Select(row => row[0]));
        Assert.Equal(Counts(cli, fiji: false), Counts(fiji));
        Assert.True(cli.Rows.All(row => int.Parse(row[cli.Column(h => h == "matches_c0_c1")], CultureInfo.InvariantCulture) > 0), "every region has matches");
        // Same numbers to the last digit in the files (the statistics too: same seed, same null draws).
        foreach (var f in new[] { "regions.csv", "l_c0_c1.csv", "heat_c0.tif", "heat_c1.tif", "heat_match_c0_c1.tif" })
            Assert.True(File.ReadAllBytes(Path.Combine(cliOut, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(fijiOut, f))), $"{f} differs");
    }

    [Fact]
    public void RoiManager_RoisByName_GiveTheRegionsOfTheEquivalentLabelsImage()
    {
        using var ij = new ImageJHost();
        string blobs = Blobs(ij.Dir), atlasTable = Path.Combine(ij.Dir, "atlas.csv"), roiTable = Path.Combine(ij.Dir, "roi.csv");
        string options = $"blobs=[{blobs}] tolerance=[2,3,3] unit=pixel permutations=9";
        var r = ij.RunMacro(Setup(Path.Combine(ij.Dir, "atlas.tif")) + $$"""
            run("Coloc Regions", "labels=atlas {{options}}");
            {{FijiTables.Save("Coloc Regions", atlasTable)}}
            selectImage("img");
            makeRectangle(0, 0, 30, 80); roiManager("add"); roiManager("select", 0); roiManager("rename", "left");
            makeRectangle(30, 0, 30, 80); roiManager("add"); roiManager("select", 1); roiManager("rename", "middle");
            // region 3 drawn slice by slice: one ROI per slice, all named "corner"
            for (z = 1; z <= {{Shape.Z}}; z++) {
                makeRectangle(60, 0, 40, 40); Roi.setPosition(1, z, 1); roiManager("add");
                roiManager("select", roiManager("count") - 1); roiManager("rename", "corner");
            }
            run("Select None");
            run("Coloc Regions", "labels=[ROI Manager] {{options}}");
            {{FijiTables.Save("Coloc Regions", roiTable)}}
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
        var atlas = FijiTables.Read(atlasTable);
        var rois = FijiTables.Read(roiTable);
        Assert.Equal(Counts(atlas), Counts(rois));
        Assert.Equal(["background", "left", "middle", "corner"], rois.Rows.Select(row => row[rois.Column(h => h == "name")]));
        Assert.Equal(12800, double.Parse(rois.Rows[3][rois.Column(h => h == "voxels")], CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("32-bit", "setSlice(2); setPixel(3, 4, 1.5);", "Coloc Regions: labels: atlas must hold integer ids, voxel z,y,x = 1,4,3 holds 1.5")]
    [InlineData("16-bit", "run(\"Canvas Size...\", \"width=120 height=80 position=Top-Left zero\");",
        "Coloc Regions: atlas: labels of 8,80,120 are larger than the image (8,80,100); labels must be at the image's resolution or lower")]
    public void BadLabels_OneLineExit2NothingWritten(string type, string spoil, string message)
    {
        using var ij = new ImageJHost();
        string blobs = Blobs(ij.Dir), outDir = Path.Combine(ij.Dir, "out");
        var r = ij.RunMacro(Setup(Path.Combine(ij.Dir, "atlas.tif"), type) + $$"""
            selectImage("atlas");
            {{spoil}}
            selectImage("img");
            run("Coloc Regions", "labels=atlas blobs=[{{blobs}}] tolerance=[2,3,3] unit=pixel permutations=9 output=[{{outDir}}]");
            print("after");
            """, timeoutSeconds: 120);
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Single(r.Stdout.Split('\n'), l => l.StartsWith("Coloc Regions:", StringComparison.Ordinal));
        Assert.Contains(message + "\n", r.Stdout);
        Assert.DoesNotContain("after", r.Stdout);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Dialog_FilledByHand_RecordedMacroReplaysToIdenticalTable_ScreenshotsOfDialogTableAndPlots()
    {
        using var ij = new ImageJHost();
        string blobs = Blobs(ij.Dir), setup = Path.Combine(ij.Dir, "setup.ijm"), outDir = Path.Combine(ij.Dir, "driver");
        File.WriteAllText(setup, Setup(Path.Combine(ij.Dir, "atlas.tif")));
        Directory.CreateDirectory(outDir);
        const string windows = "Coloc Regions,Coloc Regions enrichment C1_C2,Coloc Regions L(r) C1_C2";
        var r = JavaHarness.RunGui("coloc.fijitest.DialogDriver", ij.Dir, Path.Combine(ij.Dir, "home"), 400,
            ["-Dcoloc.windows=" + windows], outDir, setup, "Coloc Regions", "Coloc Regions",
            "labels=atlas", $"blobs={blobs}", "tolerance=2,3,3", "unit=pixel", "permutations=49");
        Assert.True(r.ExitCode == 0 && r.Stdout.Contains("driver=done", StringComparison.Ordinal), r.ToString());
        string recorded = File.ReadAllText(Path.Combine(outDir, "recorded.ijm"));
        Assert.Contains($"run(\"Coloc Regions\", \"labels=atlas blobs={blobs} matches=[] ontology=[] level=[] mode=exact profile=default tolerance=2,3,3 unit=pixel", recorded);
        Assert.Contains("permutations=49", recorded);
        string first = File.ReadAllText(Path.Combine(outDir, "recorded-Coloc Regions.csv"));
        Assert.Equal(first, File.ReadAllText(Path.Combine(outDir, "replayed-Coloc Regions.csv")));
        Assert.Equal(4, FijiTables.Read(Path.Combine(outDir, "recorded-Coloc Regions.csv")).Rows.Length);
        string shots = Path.Combine(RepoPaths.RepoRoot, "out", "screenshots");
        Directory.CreateDirectory(shots);
        File.Copy(Path.Combine(outDir, "dialog.png"), Path.Combine(shots, "coloc-regions-dialog.png"), true);
        string[] names = ["coloc-regions-table.png", "coloc-regions-enrichment.png", "coloc-regions-lr.png"];
        for (int i = 0; i < names.Length; i++)
        {
            var png = File.ReadAllBytes(Path.Combine(outDir, $"window-{i + 1}.png"));
            Assert.True(png.Length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', names[i]);
            File.WriteAllBytes(Path.Combine(shots, names[i]), png);
        }
    }
}
