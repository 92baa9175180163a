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

    /// <summary>
    /// The hostile inputs of issue 17 through the call() entry points in true headless ImageJ: each returns one error
    /// line (or the right answer), the macro goes on and the JVM lives.
    /// </summary>
    [Fact]
    public void CallEntryPoints_HostileInputs_ReturnOneErrorLineEachAndTheJvmLives()
    {
        using var ij = new ImageJHost();
        string dir = ij.Dir;
        string rows = Path.Combine(dir, "rows.tif"), small = Path.Combine(dir, "small.tif");
        File.WriteAllBytes(rows, TinyTiffClaimingRows(int.MaxValue));
        var vol = SyntheticVolumes.Render(new ZyxInt(6, 32, 32), 800, 200, [new PlantedSpot(3, 12, 15, 2, 2, 2, 40000)], 5);
        Coloc.IO.Tiff.TiffStackWriter.Write<ushort>(small, [vol], new Coloc.IO.Tiff.TiffWriteOptions { ResolutionUm = Zyx.All(1) });
        string db = Native.HostileNativeTests.DatabaseOfVersion99(dir);
        byte[] before = File.ReadAllBytes(db);
        string pair = Path.Combine(dir, "pair.csv"), same = Path.Combine(dir, "same.csv");
        File.WriteAllText(same, "z,y,x,radius,confirmed,truth,channel\n" + string.Concat(Enumerable.Repeat("5,5,5,2,-1,-1,0\n", 1000))
            + string.Concat(Enumerable.Repeat("5,5,5,2,-1,-1,1\n", 1000)));
        var r = ij.RunMacro($$"""
            print("rows: " + call("coloc.ij.Coloc.detectBlobs", "{{rows}}", ""));
            print("sigma: " + call("coloc.ij.Coloc.detectBlobs", "{{small}}", "max_diameter=3464102"));
            print("numsigma: " + call("coloc.ij.Coloc.detectBlobs", "{{small}}", "num_sigma=100000"));
            print("resolution: " + call("coloc.ij.Coloc.matchShape", "6,32,32", "1e-300,1e-300,1e-300", "blobs=[{{pair}}]"));
            print("threads: " + call("coloc.ij.Coloc.matchShape", "6,32,32", "1,1,1", "blobs=[{{pair}}] threads=2147483647"));
            t0 = getTime();
            s = call("coloc.ij.Coloc.matchShape", "10,10,10", "1,1,1", "blobs=[{{same}}] mode=exact");
            print("coincident_ms: " + (getTime() - t0));
            print("coincident: " + s);
            print("v99: " + call("coloc.ij.Coloc.matchShape", "6,32,32", "1,1,1", "blobs=[{{pair}}] database=[{{db}}] experiment=[e]"));
            print("alive: " + call("coloc.ij.Coloc.version"));
            """, headless: true, heap: "512m");
        Assert.True(r.ExitCode == 0, r.ToString());
        string Line(string key) => r.Stdout.Split('\n').FirstOrDefault(l => l.StartsWith(key + ": ", StringComparison.Ordinal))?[(key.Length + 2)..]
            ?? throw new Xunit.Sdk.XunitException($"no line {key}: {r}");
        foreach (var key in new[] { "rows", "sigma", "numsigma", "threads", "v99" })
            Assert.True(Line(key).StartsWith("error: ", StringComparison.Ordinal), $"{key}: {r}");
        Assert.Contains("num_sigma", Line("numsigma"));
        Assert.Contains("threads", Line("threads"));
        Assert.Contains("99", Line("v99"));
        Assert.Equal(before, File.ReadAllBytes(db));
        Assert.Matches("^(error: |1,2: 1 match)", Line("resolution"));
        Assert.StartsWith("1,2: 1000 matches (100.0 % of 1000 in C1", Line("coincident"));
        Assert.True(int.Parse(Line("coincident_ms")) < 10_000, r.ToString());
        Assert.Equal("coloc ABI 3", Line("alive"));
        Assert.DoesNotContain("# A fatal error", r.Stdout + r.Stderr);
    }

    /// <summary>A 138-byte little-endian TIFF of one 16-bit column whose header claims <paramref name="rows"/> rows.</summary>
    private static byte[] TinyTiffClaimingRows(int rows)
    {
        var entries = new (ushort Tag, ushort Type, uint Value)[]
        {
            (256, 4, 1), (257, 4, (uint)rows), (258, 3, 16), (259, 3, 1), (262, 3, 1), (273, 4, 122), (277, 3, 1), (278, 4, (uint)rows), (279, 4, 16),
        };
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write("II*\0"u8.ToArray());
        w.Write(8u);
        w.Write((ushort)entries.Length);
        foreach (var (tag, type, value) in entries)
        {
            w.Write(tag);
            w.Write(type);
            w.Write(1u);
            if (type == 3) { w.Write((ushort)value); w.Write((ushort)0); }
            else w.Write(value);
        }
        w.Write(0u);
        w.Write(new byte[16]);
        return ms.ToArray();
    }
}
