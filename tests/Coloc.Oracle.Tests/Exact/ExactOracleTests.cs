using System.Text.Json;
using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Profiles;
using Coloc.Core.Matching.Magmap;
using Coloc.IO.Csv;
using Coloc.Oracle.Tests.Magmap;
using Coloc.TestKit;

namespace Coloc.Oracle.Tests.Exact;

/// <summary>
/// <c>coloc match --mode exact</c> on every oracle case of groups A (one ROI) and B (whole stack): every pair
/// admissible, at least as many pairs as MagellanMapper, and count and total distance equal to an independent dense
/// optimum (<see cref="DenseOptimum"/>; total within pairs·max(tol)/2³² + 1e-9). Stack runs write identical bytes for
/// every block size and thread count.
/// </summary>
public sealed class ExactOracleTests
{
    public static TheoryData<string> RoiCases() => new(RepoPaths.Cases("A").Select(Path.GetFileName)!);

    public static TheoryData<string> StackCases() => new(RepoPaths.Cases("B").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(RoiCases))]
    public void ExactRoi_OracleCase_OptimalAndAtLeastMagmap(string name)
    {
        string dir = RepoPaths.Case(name);
        var p = OracleParams.Load(dir);
        var offset = ToZyx(p.Vector("offset_xyz")!.Reverse().ToArray());
        var size = ToZyx(p.Vector("size_xyz")!.Reverse().ToArray());
        var tol = ToZyx(p.Vector("tol")!);
        var args = new List<string>
        {
            "--roi-offset", OracleParams.Arg(p.Vector("offset_xyz")!, reverse: true),
            "--roi-size", OracleParams.Arg(p.Vector("size_xyz")!, reverse: true),
            "--tol", OracleParams.Arg(p.Vector("tol")!),
        };
        if (p.Vector("channels") is { } ch) args.AddRange(["--channels", OracleParams.Arg(ch)]);
        var roi = new Box(offset, size);
        CheckCase(dir, args, tol, b => roi.Contains(b.Z, b.Y, b.X));
    }

    [Theory]
    [MemberData(nameof(StackCases))]
    public void ExactStack_OracleCase_OptimalAndAtLeastMagmap(string name)
    {
        string dir = RepoPaths.Case(name);
        var (args, tol) = StackArgs(dir);
        CheckCase(dir, args, tol, _ => true);
    }

    [Theory]
    [MemberData(nameof(StackCases))]
    public void ExactStack_OracleCase_SameBytesForAnyBlockSizeAndThreads(string name)
    {
        string dir = RepoPaths.Case(name);
        var (args, _) = StackArgs(dir);
        string reference = RunFolder(dir, args);
        foreach (var extra in new[] { new[] { "--threads", "1" }, ["--threads", "2"], ["--block-size", "64,64,64"], ["--block-size", "17,31,29", "--threads", "1"], ["--block-size", "17,31,29", "--threads", "2"] })
            Assert.Equal(reference, RunFolder(dir, [.. args, .. extra]));
    }

    [Fact]
    public void ExactStack_B01_Finds215Pairs()
    {
        string dir = RepoPaths.Case("B01_stack_default_profile_2ch");
        var (args, _) = StackArgs(dir);
        string outDir = Run(dir, args);
        using var ours = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(215, ours.RootElement.GetProperty("counts").GetProperty("0,1").GetInt32());
    }

    private static void CheckCase(string dir, List<string> args, Zyx tolVoxels, Func<Blob, bool> takesPart)
    {
        string outDir = Run(dir, args);
        var blobs = BlobCsv.Read(Path.Combine(dir, "blobs.csv"));
        var tol = new MatchTolerance(tolVoxels);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected", "summary.json")));
        using var ours = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var counts = ours.RootElement.GetProperty("counts");
        foreach (var e in expected.RootElement.GetProperty("counts").EnumerateObject())
        {
            var key = e.Name.Split(',').Select(int.Parse).ToArray();
            using var reader = new StreamReader(Path.Combine(outDir, $"matches_c{key[0]}_c{key[1]}.csv"));
            var rows = MatchCsv.Read(reader, e.Name).Rows;
            Assert.Equal(rows.Count, counts.GetProperty(e.Name).GetInt32());
            Assert.True(rows.Count >= e.Value.GetInt32(), $"{e.Name}: exact {rows.Count} < magmap {e.Value.GetInt32()}");
            foreach (var r in rows)
            {
                Assert.True(r.Distance < tol.Threshold);
                Assert.True(takesPart(r.Blob1) && takesPart(r.Blob2));
            }
            var a = blobs.Where(b => (int)b.Channel == key[0] && takesPart(b)).ToArray();
            var bb = blobs.Where(b => (int)b.Channel == key[1] && takesPart(b)).ToArray();
            var (count, total) = DenseOptimum.Of(a, bb, tolVoxels);
            Assert.Equal(count, rows.Count);
            Assert.InRange(rows.Sum(r => r.Distance), total - (count * tol.Threshold / 4294967296.0 + 1e-9), total + count * tol.Threshold / 4294967296.0 + 1e-9);
        }
    }

    private static (List<string> Args, Zyx Tol) StackArgs(string dir)
    {
        var p = OracleParams.Load(dir);
        var res = ToZyx(p.Vector("config_resolutions_zyx")!);
        string profile = p.Text("roi_profile_name") ?? "default";
        var tol = new MagmapBlockGeometry(RoiProfiles.Resolve(profile), res).MatchTolVoxels;
        var args = new List<string>
        {
            "--shape", OracleParams.Arg(p.Vector("shape_zyx")!),
            "--resolution", OracleParams.Arg(p.Vector("config_resolutions_zyx")!),
            "--profile", profile,
        };
        if (p.Vector("channels") is { } ch) args.AddRange(["--channels", OracleParams.Arg(ch)]);
        return (args, tol);
    }

    private static string Run(string dir, IEnumerable<string> args)
    {
        string outDir = RepoPaths.NewTempDir();
        var (code, _, err) = CliRunner.Run(["match", "--mode", "exact", "--blobs", Path.Combine(dir, "blobs.csv"), "--out", outDir, .. args]);
        Assert.True(code == 0, err);
        return outDir;
    }

    private static string RunFolder(string dir, IEnumerable<string> args)
    {
        string outDir = Run(dir, args);
        return string.Join("\n##\n", Directory.GetFiles(outDir).OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => Path.GetFileName(f) + "\n" + File.ReadAllText(f)));
    }

    private static Zyx ToZyx(double[] v) => new(v[0], v[1], v[2]);
}
