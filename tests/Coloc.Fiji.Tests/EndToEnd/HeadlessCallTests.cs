using Coloc.Core.Matching;
using Coloc.Core.Geometry;
using Coloc.Fiji.Tests.ImageJ;
using Coloc.TestKit;

namespace Coloc.Fiji.Tests.EndToEnd;

/// <summary>True headless ImageJ (-Djava.awt.headless=true -batch): the call() entry points, no display at all.</summary>
[Collection(ImageJCollection.Name)]
public sealed class HeadlessCallTests
{
    private static string Sample => Path.Combine(RepoPaths.RepoRoot, "macros", "sample");

    [Fact]
    public void CallMatchBlobs_TrueHeadlessOnSampleImage_WritesEngineTablesAndResults()
    {
        using var ij = new ImageJHost();
        string outDir = Path.Combine(ij.Dir, "out"), table = Path.Combine(ij.Dir, "results.csv");
        var r = ij.RunMacro($$"""
            s = call("coloc.ij.Coloc.matchBlobs", "{{Path.Combine(Sample, "sample.zip")}}", "blobs=[{{Path.Combine(Sample, "blobs.csv")}}] mode=magmap output=[{{outDir}}]");
            print("summary: " + s);
            print("rows=" + nResults);
            Table.save("{{table}}");
            """, headless: true);
        Assert.True(r.ExitCode == 0, r.ToString());
        var expected = EngineReference.Write(Path.Combine(Sample, "blobs.csv"), MatchMode.Magmap, "default", new ZyxInt(60, 1100, 1100), Zyx.All(1), Path.Combine(ij.Dir, "engine"));
        EngineReference.AssertSameFolder(expected, outDir);
        Assert.Contains("summary: 1,2: 176 matches (48.8 % of 361 in C1, 42.6 % of 413 in C2)", r.Stdout);
        Assert.Contains("rows=176", r.Stdout);
        var rows = File.ReadAllLines(table);
        Assert.Equal(177, rows.Length);
        Assert.Contains("Distance", rows[0]);
        Assert.DoesNotContain("HeadlessException", r.Stdout + r.Stderr);
    }

    [Fact]
    public void CallMatchShape_TrueHeadlessCalibratedShape_UsesTheGivenResolution()
    {
        using var ij = new ImageJHost();
        string outDir = Path.Combine(ij.Dir, "out");
        string blobs = Path.Combine(ij.Dir, "blobs.csv");
        var shape = new ZyxInt(30, 200, 240);
        SyntheticBlobs.Write(blobs, shape, seed: 7, count: 200);
        var r = ij.RunMacro($$"""
            s = call("coloc.ij.Coloc.matchShape", "30,200,240", "2.5,0.5,0.5", "blobs=[{{blobs}}] mode=magmap profile=[default] output=[{{outDir}}]");
            print("summary: " + s);
            s = call("coloc.ij.Coloc.matchShape", "30,200,240", "2.5,0.5,0.5", "blobs=[{{blobs}}] output=[{{outDir}}-exact]");
            print("exact: " + s);
            """, headless: true);
        Assert.True(r.ExitCode == 0, r.ToString());
        // mode defaults to exact, the engine's optimal one-to-one matching.
        var exact = EngineReference.Write(blobs, MatchMode.Exact, "default", shape, new Zyx(2.5, 0.5, 0.5), Path.Combine(ij.Dir, "engine-exact"));
        EngineReference.AssertSameFolder(exact, outDir + "-exact");
        Assert.DoesNotContain("exact: error", r.Stdout);
        var expected = EngineReference.Write(blobs, MatchMode.Magmap, "default", shape, new Zyx(2.5, 0.5, 0.5), Path.Combine(ij.Dir, "engine"));
        EngineReference.AssertSameFolder(expected, outDir);
        // The resolution matters: the same blobs at 1 µm voxels give another block grid and tolerance.
        var other = EngineReference.Write(blobs, MatchMode.Magmap, "default", shape, Zyx.All(1), Path.Combine(ij.Dir, "engine1"));
        Assert.NotEqual(File.ReadAllText(Path.Combine(other, "matches_c0_c1.csv")), File.ReadAllText(Path.Combine(outDir, "matches_c0_c1.csv")));
    }

    [Fact]
    public void CallEntryPoints_BadInput_ReturnOneErrorLineAndTheMacroGoesOn()
    {
        using var ij = new ImageJHost();
        string blobs = Path.Combine(Sample, "blobs.csv");
        var r = ij.RunMacro($$"""
            print("1: " + call("coloc.ij.Coloc.matchShape", "60,1100,1100", "1,1,1", "blobs=[/no/such/file.csv] mode=magmap"));
            print("2: " + call("coloc.ij.Coloc.matchShape", "60,1100", "1,1,1", "mode=magmap"));
            print("3: " + call("coloc.ij.Coloc.matchShape", "60,1100,1100", "1,1,1", "blobs=[{{blobs}}] mode=fast"));
            print("4: " + call("coloc.ij.Coloc.matchBlobs", "", "mode=magmap"));
            print("5: " + call("coloc.ij.Coloc.version"));
            """, headless: true);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("1: error: /no/such/file.csv: blob file not found", r.Stdout);
        Assert.Contains("2: error: shape: expected z,y,x, got '60,1100'", r.Stdout);
        Assert.Contains("3: error: options: mode: 'fast' is not one of exact|magmap", r.Stdout);
        Assert.Contains("4: error: no image is open", r.Stdout);
        Assert.Contains("5: coloc ABI 3", r.Stdout);
    }
}
