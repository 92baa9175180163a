using Coloc.Core.Matching;
using Coloc.Core.Geometry;
using Coloc.Core.Parameters;
using Coloc.Native.Jni;
using Coloc.Native.Options;

namespace Coloc.Fiji.Tests.Unit;

public sealed class MatchJobTests
{
    private static readonly int[] Shape = [60, 1100, 1100];
    private static readonly double[] Res = [2, 0.5, 0.5];

    [Fact]
    public void Parse_MicronTolerance_ConvertsToTolUmAndChannelsToZeroBased()
    {
        var j = MatchJob.Parse("mode=exact tolerance=[4,1.5,1.5] unit=micron channels=[1,3] output=[/tmp/o]", Shape, Res);
        Assert.Equal(MatchMode.Exact, j.Request.Mode);
        Assert.Equal(new Zyx(4, 1.5, 1.5), j.Request.TolUm);
        Assert.Null(j.Request.TolVoxels);
        Assert.Equal([0, 2], j.Request.Channels!);
        Assert.Equal(new ZyxInt(60, 1100, 1100), j.Request.ShapeVoxels);
        Assert.Equal(new Zyx(2, 0.5, 0.5), j.Request.ResolutionUm);
        Assert.Equal("/tmp/o", j.OutputFolder);
        Assert.Null(j.DatabasePath);
    }

    [Fact]
    public void Parse_PixelTolerance_GoesToTolVoxels()
    {
        var j = MatchJob.Parse("tolerance=[3,3,3] unit=pixel", Shape, Res);
        Assert.Equal(new Zyx(3, 3, 3), j.Request.TolVoxels);
        Assert.Null(j.Request.TolUm);
    }

    [Theory]
    [InlineData("tolerance=[1,2]", "tolerance: expected three numbers")]
    [InlineData("tolerance=[1,0,1]", "tolerance: values must be > 0")]
    [InlineData("tolerance=[1,nan,1]", "is not a finite number")]
    [InlineData("channels=[0,1]", "channels: 1-based whole numbers >= 1")]
    [InlineData("channels=[2,2]", "a channel repeats")]
    [InlineData("profile=[default,nosuch]", "unknown ROI profile 'nosuch'")]
    [InlineData("unit=furlong", "unit: 'furlong' is not one of micron|pixel")]
    [InlineData("database=[/tmp/x.db]", "experiment: a name is needed")]
    public void Parse_BadOption_ThrowsNamingIt(string options, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => MatchJob.Parse(options, Shape, Res));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Parse_BadGeometry_ThrowsNamingShapeOrResolution()
    {
        Assert.Contains("shape: expected 3", Assert.Throws<ArgumentException>(() => MatchJob.Parse("", null, Res)).Message);
        Assert.Contains("shape: every axis", Assert.Throws<ArgumentException>(() => MatchJob.Parse("", [0, 5, 5], Res)).Message);
        Assert.Contains("exceeds", Assert.Throws<ArgumentException>(() => MatchJob.Parse("", [int.MaxValue, int.MaxValue, 2], Res)).Message);
        Assert.Contains("resolution: must be finite", Assert.Throws<ArgumentException>(() => MatchJob.Parse("", Shape, [1, double.NaN, 1])).Message);
        Assert.Contains("resolution: expected 3", Assert.Throws<ArgumentException>(() => MatchJob.Parse("", Shape, [1, 1])).Message);
    }

    [Fact]
    public void Parse_MagmapStackWithTolerance_FijiReadsTheMacroKeysNotTheFlags()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => MatchJob.Parse("mode=magmap tolerance=[3,3,3] unit=pixel", Shape, Res));
        var (javaClass, message) = ExportGuard.Translate(e);
        Assert.Equal("java/lang/IllegalArgumentException", javaClass);
        Assert.Equal("tolerance: magmap stack runs take the tolerance from the ROI profile; leave it out or use mode exact", message);
    }

    [Fact]
    public void Parse_DatabaseWithoutExperiment_NamesItAfterTheBlobFile()
    {
        var j = MatchJob.Parse("blobs=[/data/brain1_blobs.csv] database=[/tmp/x.db]", Shape, Res);
        Assert.Equal("brain1_blobs", j.Experiment);
        Assert.Equal("/tmp/x.db", j.DatabasePath);
    }

    [Fact]
    public void Specs_AreTheCoreDeclarationsWithAMacroKey()
    {
        Assert.Equal(MatchParameters.All.Where(p => p.Key is not null).Select(p => p.Key), CommandSpecs.Match.Select(p => p.Key));
        Assert.DoesNotContain(CommandSpecs.Match, p => p.Key == "shape" || p.Flag == "--tol-um");
    }
}
