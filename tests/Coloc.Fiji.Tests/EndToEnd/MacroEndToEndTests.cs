using Coloc.Core.Matching;
using Coloc.Core.Geometry;
using Coloc.Fiji.Tests.ImageJ;
using Coloc.TestKit;

namespace Coloc.Fiji.Tests.EndToEnd;

/// <summary>The macros in macros/ and the acceptance macro, in real ImageJ (-batch under Xvfb), against the engine's own output.</summary>
[Collection(ImageJCollection.Name)]
public sealed class MacroEndToEndTests
{
    private static string Macros => Path.Combine(RepoPaths.RepoRoot, "macros");
    private static string B01 => RepoPaths.Case("B01_stack_default_profile_2ch");

    [Fact]
    public void AcceptanceMacro_ThreeChannelStackOfB01Shape_WritesTheCliTablesAndMagellanMapperDefaults()
    {
        using var ij = new ImageJHost();
        string outDir = Path.Combine(ij.Dir, "out"), outDefault = Path.Combine(ij.Dir, "out-default");
        string blobs = Path.Combine(B01, "blobs.csv");
        // The oracle stack case: shape (60, 1100, 1100), resolution 1,1,1 µm; 3 channels, 8-bit keeps it at 218 MB.
        var r = ij.RunMacro($$"""
            newImage("b01", "8-bit black", 1100, 1100, 3, 60, 1);
            run("Properties...", "channels=3 slices=60 frames=1 unit=micron pixel_width=1 pixel_height=1 voxel_depth=1");
            run("Match Blobs", "blobs=[{{blobs}}] mode=magmap profile=[default,lightsheet] output=[{{outDir}}]");
            print("lightsheet rows=" + Table.size("Coloc Matches"));
            run("Match Blobs", "blobs=[{{blobs}}] mode=magmap profile=[default] output=[{{outDefault}}]");
            print("default rows=" + Table.size("Coloc Matches"));
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
        var shape = new ZyxInt(60, 1100, 1100);
        var expected = EngineReference.Write(blobs, MatchMode.Magmap, "default,lightsheet", shape, Zyx.All(1), Path.Combine(ij.Dir, "engine"));
        EngineReference.AssertSameFolder(expected, outDir);
        Assert.Contains($"lightsheet rows={CsvRows(Path.Combine(outDir, "matches_c0_c1.csv"))}", r.Stdout);
        // With the default profile MagellanMapper's own result is known: oracle B01, 176 matches.
        AssertEqualsOracle(Path.Combine(B01, "expected", "matches_c0_c1.csv"), Path.Combine(outDefault, "matches_c0_c1.csv"));
        Assert.Contains("default rows=176", r.Stdout);
    }

    [Fact]
    public void DemoMacro_BundledSample_PrintsSummaryAndWritesTheEngineTables()
    {
        using var ij = new ImageJHost();
        string outDir = Path.Combine(ij.Dir, "demo");
        string overlay = Path.Combine(ij.Dir, "overlay.ijm");
        File.WriteAllText(overlay, OverlayTests.CountMacro + File.ReadAllText(Path.Combine(Macros, "coloc-demo.ijm")) + "\nselectImage(\"sample.tif\"); countOverlay(\"overlay\");\n");
        var r = ij.RunMacroFile(overlay, $"sample=[{Path.Combine(Macros, "sample")}] output=[{outDir}]");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains($" circles={ExpectedOverlayRois(Path.Combine(Macros, "sample", "blobs.csv"), 60)} ", r.Stdout);
        var expected = EngineReference.Write(Path.Combine(Macros, "sample", "blobs.csv"), MatchMode.Magmap, "default",
            new ZyxInt(60, 1100, 1100), Zyx.All(1), Path.Combine(ij.Dir, "engine"));
        EngineReference.AssertSameFolder(expected, outDir);
        Assert.Contains("opened sample.tif: 1100x1100x60, 2 channels, voxel 1,1,1 micron", r.Stdout);
        Assert.Contains("1,2  176  48.8  42.6", r.Stdout);
        AssertEqualsOracle(Path.Combine(B01, "expected", "matches_c0_c1.csv"), Path.Combine(outDir, "matches_c0_c1.csv"));
    }

    [Fact]
    public void BatchMacro_FolderOfCalibratedTiffs_OneEngineFolderPerImage()
    {
        using var ij = new ImageJHost();
        string input = Path.Combine(ij.Dir, "in"), output = Path.Combine(ij.Dir, "results");
        Directory.CreateDirectory(input);
        var images = new[] { ("a", new ZyxInt(12, 90, 120), new Zyx(2, 0.5, 0.5)), ("b", new ZyxInt(20, 64, 64), new Zyx(1, 1, 1)) };
        var setup = new System.Text.StringBuilder("setBatchMode(true);\n");
        foreach (var (name, s, res) in images)
        {
            SyntheticBlobs.Write(Path.Combine(input, name + "_blobs.csv"), s, seed: name[0], count: 120);
            setup.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"newImage(\"{name}\", \"8-bit black\", {s.X}, {s.Y}, 2, {s.Z}, 1);\n" +
                $"run(\"Properties...\", \"channels=2 slices={s.Z} frames=1 unit=micron pixel_width={res.X} pixel_height={res.Y} voxel_depth={res.Z}\");\n" +
                $"saveAs(\"Tiff\", \"{Path.Combine(input, name + ".tif")}\"); close();\n");
        }
        setup.Append($"newImage(\"c\", \"8-bit black\", 10, 10, 1); saveAs(\"Tiff\", \"{Path.Combine(input, "c.tif")}\");\n");
        var s0 = ij.RunMacro(setup.ToString());
        Assert.True(s0.ExitCode == 0, s0.ToString());

        var r = ij.RunMacroFile(Path.Combine(Macros, "coloc-batch.ijm"), $"input=[{input}] output=[{output}] mode=magmap profile=[default]");
        Assert.True(r.ExitCode == 0, r.ToString());
        foreach (var (name, s, res) in images)
        {
            var expected = EngineReference.Write(Path.Combine(input, name + "_blobs.csv"), MatchMode.Magmap, "default", s, res, Path.Combine(ij.Dir, "engine-" + name));
            foreach (var f in Directory.GetFiles(expected))
                Assert.Equal(File.ReadAllBytes(f), File.ReadAllBytes(Path.Combine(output, name, Path.GetFileName(f))));
            Assert.True(File.Exists(Path.Combine(output, name, "summary.csv")), r.ToString());
        }
        Assert.Contains("skip c.tif: no c_blobs.csv", r.Stdout);
        Assert.Contains("batch done: 2 image(s)", r.Stdout);
        Assert.False(Directory.Exists(Path.Combine(output, "c")));
    }

    [Fact]
    public void MakeSampleMacro_FromBundledBlobs_ReproducesTheBundledSamplePixels()
    {
        using var ij = new ImageJHost();
        string made = Path.Combine(ij.Dir, "made.zip");
        var r = ij.RunMacroFile(Path.Combine(Macros, "make-sample.ijm"), $"blobs=[{Path.Combine(Macros, "sample", "blobs.csv")}] output=[{made}]");
        Assert.True(r.ExitCode == 0, r.ToString());
        var cmp = ij.RunMacro($$"""
            setBatchMode(true);
            open("{{made}}"); a = getImageID(); na = nSlices;
            open("{{Path.Combine(Macros, "sample", "sample.zip")}}"); b = getImageID();
            diff = 0; sum = 0;
            for (i = 1; i <= na; i++) {
                selectImage(a); setSlice(i); getRawStatistics(n, meanA); sum += meanA;
                selectImage(b); setSlice(i); getRawStatistics(n, meanB);
                if (meanA != meanB) diff++;
            }
            imageCalculator("Difference create stack", a, b);
            Stack.getStatistics(n, mean, min, max);
            print("slices=" + na + " differing=" + diff + " maxdiff=" + max + " signal=" + (sum > 0));
            """);
        Assert.True(cmp.ExitCode == 0, cmp.ToString());
        Assert.Contains("slices=120 differing=0 maxdiff=0 signal=1", cmp.Stdout);
    }

    [Fact]
    public void MatchBlobsInBatch_BadInput_LogsOneLineAndEndsImageJWithExitCode2InsteadOfHanging()
    {
        using var ij = new ImageJHost();
        var r = ij.RunMacro("""
            newImage("x", "8-bit black", 50, 40, 2, 5, 1);
            run("Match Blobs", "blobs=[/no/such/blobs.csv] mode=magmap");
            print("after the error");
            """, timeoutSeconds: 90);
        // Exit code 124 would mean that timeout had to kill ImageJ waiting on a modal error dialog; 2 is Coloc's
        // documented exit code for a failed command under -batch.
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("Match Blobs: /no/such/blobs.csv: blob file not found", r.Stdout);
        Assert.DoesNotContain("after the error", r.Stdout);
    }

    /// <summary>One ROI per slice a blob occupies (z ± max(radius, 1), clipped): every blob is drawn once, matched or not.</summary>
    private static int ExpectedOverlayRois(string blobsCsv, int slices) =>
        Coloc.IO.Csv.BlobCsv.Read(blobsCsv).Sum(b =>
        {
            double r = Math.Max(b.Radius, 1);
            int z0 = (int)Math.Max(0, Math.Ceiling(b.Z - r)), z1 = (int)Math.Min(slices - 1, Math.Floor(b.Z + r));
            return Math.Max(0, z1 - z0 + 1);
        });

    private static int CsvRows(string path) => File.ReadAllLines(path).Count(l => l.Length > 0) - 1;

    /// <summary>Our CSV (MatchCsv columns) against the oracle's rows in MagellanMapper's native order: bit-identical numbers.</summary>
    private static void AssertEqualsOracle(string oracleCsv, string ours)
    {
        var raw = OracleCsv.Read(oracleCsv);
        int ni = raw.Col("native_index");
        var o = raw with { Rows = raw.Rows.OrderBy(r => int.Parse(r[ni], System.Globalization.CultureInfo.InvariantCulture)).ToArray() };
        var a = OracleCsv.Read(ours);
        Assert.Equal(o.Rows.Length, a.Rows.Length);
        string[] sides = ["z", "y", "x", "radius", "confirmed", "truth", "channel"];
        for (int i = 0; i < o.Rows.Length; i++)
        {
            foreach (var side in new[] { 1, 2 })
                foreach (var c in sides)
                    Assert.Equal(o.Num(i, $"blob{side}_{c}"), a.Num(i, $"Blob{side}_{c}"));
            Assert.Equal(o.Num(i, "distance"), a.Num(i, "Distance"));
        }
    }
}
