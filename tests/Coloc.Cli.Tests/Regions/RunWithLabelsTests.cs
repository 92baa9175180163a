using Coloc.Core.Geometry;
using Coloc.IO.Images;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.Cli.Tests.Regions;

/// <summary>
/// Issue 12, item 5: <c>coloc run --labels</c> adds the per-region analysis to a whole run, in OUT/regions, with the
/// same files as <c>coloc regions</c> on that run's blobs and matches; bad labels fail before anything is written.
/// </summary>
public sealed class RunWithLabelsTests
{
    private static (int Code, string Out, string Err) Coloc(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        int code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>Labels at half the image's resolution (rounded up): ids 1, 2, 3 by thirds of x, 0 on the first plane.</summary>
    private static string HalfLabels(string dir, ZyxInt image, int extraX = 0)
    {
        var s = new ZyxInt((image.Z + 1) / 2, (image.Y + 1) / 2, (image.X + 1) / 2 + extraX);
        string f = Path.Combine(dir, "labels.tif");
        TiffStackWriter.Write<ushort>(f, s, 1, 1, (_, z, _, d) =>
        {
            for (int i = 0; i < d.Length; i++) d[i] = z == 0 ? (ushort)0 : (ushort)(1 + 3 * (i % s.X) / s.X);
        });
        return f;
    }

    private static ZyxInt SampleShape()
    {
        using var t = ImageFiles.Open(ScaleSample.BundledPath);
        return t.Shape;
    }

    [Fact]
    public void Run_WithLabels_WritesRegionsEqualToColocRegionsOnItsOutput()
    {
        string dir = RepoPaths.NewTempDir();
        string labels = HalfLabels(dir, SampleShape());
        string run = Path.Combine(dir, "run"), regions = Path.Combine(dir, "regions");
        var r = Coloc("run", "--image", ScaleSample.BundledPath, "--labels", labels, "--permutations", "19", "--seed", "3", "--out", run);
        Assert.True(r.Code == ExitCodes.Ok, r.Err);
        var g = Coloc("regions", "--blobs", Path.Combine(run, "blobs.csv"), "--matches", run, "--labels", labels,
            "--image", ScaleSample.BundledPath, "--permutations", "19", "--seed", "3", "--out", regions);
        Assert.True(g.Code == ExitCodes.Ok, g.Err);

        var csv = File.ReadAllLines(Path.Combine(run, "regions", "regions.csv"));
        Assert.StartsWith("label,voxels,blobs_c0,blobs_c1,matches_c0_c1,name,volume_um3,", csv[0]);
        Assert.Equal(["0", "1", "2", "3"], csv.Skip(1).Select(l => l.Split(',')[0]));
        long matches = csv.Skip(1).Sum(l => long.Parse(l.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(matches > 5, $"only {matches} matches counted");
        foreach (var f in Directory.GetFiles(regions).Select(Path.GetFileName).Where(n => n != "summary.json" && !n!.EndsWith(".png", StringComparison.Ordinal)))
            Assert.True(File.ReadAllBytes(Path.Combine(regions, f!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(run, "regions", f!))), $"{f} differs");
        Assert.Contains("heat_match_c0_c1.tif", Directory.GetFiles(Path.Combine(run, "regions")).Select(Path.GetFileName));
    }

    [Fact]
    public void Run_LabelsLargerThanTheImage_Exit2OneLineNothingWritten()
    {
        string dir = RepoPaths.NewTempDir();
        var image = SampleShape();
        string labels = HalfLabels(dir, image, extraX: image.X);
        string run = Path.Combine(dir, "run");
        var r = Coloc("run", "--image", ScaleSample.BundledPath, "--labels", labels, "--out", run);
        Assert.Equal(ExitCodes.BadInput, r.Code);
        Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("are larger than the image", r.Err);
        Assert.False(Directory.Exists(run));
    }
}
