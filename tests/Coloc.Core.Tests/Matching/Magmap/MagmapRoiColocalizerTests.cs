using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Matching.Magmap;

namespace Coloc.Core.Tests.Matching.Magmap;

public sealed class MagmapRoiColocalizerTests
{
    private static Blob B(double z, double y, double x, int ch, double truth = -1) => new(z, y, x, 3, -1, truth, ch);

    [Fact]
    public void Tolerance_DefaultProfileAtFiveMicronZ_DerivesThresholdScalingPadding()
    {
        var t = new MatchTolerance(new Zyx(1, 5, 5));
        Assert.Equal(5, t.Threshold);
        Assert.Equal(new Zyx(5, 1, 1), t.Scaling);
        Assert.Equal(new Zyx(1, 5, 5), t.DefaultInnerPaddingVoxels);
    }

    [Fact]
    public void Colocalize_WorkedExample_TwoMatchesOrderedByChannelZeroBlob()
    {
        // Hand example: tolerance z,y,x (1,5,5) -> threshold 5, z scaled by 5; ch1 (10,11,10) is 1 from ch0 (10,10,10),
        // ch1 (10,10,23) is 3 from ch0 (10,10,20).
        Blob[] blobs = [B(10, 10, 20, 0), B(10, 10, 10, 0), B(10, 11, 10, 1), B(10, 10, 23, 1)];
        var set = MagmapRoiColocalizer.Colocalize(blobs, new Box(Zyx.All(0), Zyx.All(100)), new Zyx(1, 5, 5));
        var m = set[new ChannelPair(0, 1)]!;
        Assert.Equal(2, m.Count);
        Assert.Equal(new Zyx(10, 10, 10), m.Rows[0].Blob1.Center);
        Assert.Equal(new Zyx(10, 11, 10), m.Rows[0].Blob2.Center);
        Assert.Equal(1.0, m.Rows[0].Distance);
        Assert.Equal(3.0, m.Rows[1].Distance);
    }

    [Fact]
    public void Colocalize_DistanceExactlyAtThreshold_IsNotAMatch()
    {
        // (11,10,10) vs (10,10,10) with z scaling 5: distance 5.0, not < 5.
        Blob[] blobs = [B(10, 10, 10, 0), B(11, 10, 10, 1)];
        var set = MagmapRoiColocalizer.Colocalize(blobs, new Box(Zyx.All(0), Zyx.All(100)), new Zyx(1, 5, 5));
        Assert.Equal(0, set[new ChannelPair(0, 1)]!.Count);
    }

    [Fact]
    public void Colocalize_BothBlobsInPadding_NeverMatch()
    {
        // Both blobs within the padding of the ROI face: outer/outer pairs are not reported (README, Differences from
        // MagellanMapper, D5).
        Blob[] blobs = [B(1, 50, 50, 0), B(1, 50, 51, 1)];
        var set = MagmapRoiColocalizer.Colocalize(blobs, new Box(Zyx.All(0), Zyx.All(100)), Zyx.All(3));
        Assert.Equal(0, set[new ChannelPair(0, 1)]!.Count);
    }

    [Fact]
    public void Colocalize_OuterBaseWithInputTruthZero_JoinsSecondPass()
    {
        // An outer base blob with input truth 0 can match an outer test blob (README, Differences from MagellanMapper,
        // D7).
        Blob[] blobs = [B(1, 50, 50, 0, truth: 0), B(1, 50, 51, 1)];
        var set = MagmapRoiColocalizer.Colocalize(blobs, new Box(Zyx.All(0), Zyx.All(100)), Zyx.All(3));
        var m = set[new ChannelPair(0, 1)]!;
        Assert.Equal(1, m.Count);
        Assert.Equal(-1, m.Rows[0].Blob1.Truth);
    }

    [Fact]
    public void Colocalize_ChannelWithoutBlobsInRoi_StillGetsAKey()
    {
        Blob[] blobs = [B(10, 10, 10, 0), B(500, 500, 500, 2)];
        var set = MagmapRoiColocalizer.Colocalize(blobs, new Box(Zyx.All(0), Zyx.All(100)), Zyx.All(3));
        Assert.Equal([new ChannelPair(0, 2)], set.Pairs.Select(p => p.Key));
    }

    [Fact]
    public void BlobMatch_MeanCoordsAndColours_OnePerRow()
    {
        var m = new BlobMatch([MatchRow.Of(B(0, 0, 0, 0), B(2, 4, 6, 1), 1)]);
        Assert.Equal([new Zyx(1, 2, 3)], m.GetMeanCoords());
        Assert.Equal(m.Coords, m.GetMeanCoords());
        Assert.Single(m.Cmap);
        Assert.Equal(0xFF000000u, m.Cmap[0] & 0xFF000000u);
        m.UpdateBlobs(b => b with { Radius = 9 });
        Assert.All(m.GetBlobs(1)!, b => Assert.Equal(9, b.Radius));
        Assert.Null(BlobMatch.Empty().GetBlobs(2));
    }
}
