using Coloc.Core.Blobs;
using Coloc.Core.Pipeline;
using Coloc.Core.Intensity;

namespace Coloc.Core.Tests.Intensity;

public class IntensityFlagsTests
{
    [Fact]
    public void Of_ThreeBlobsTwoChannels_MinThresholdAndFlags()
    {
        Blob[] blobs = [new(0, 0, 0, 1, -1, -1, 0), new(1, 0, 0, 1, -1, -1, 0), new(2, 0, 0, 1, -1, -1, 1)];
        double[] means = [10, 5, 20, 8, 3, 6];
        var f = IntensityFlags.Of(blobs, means, 2);
        Assert.Equal([10.0, 6.0], f.ThresholdPerChannel.Select(t => t!.Value));
        Assert.Equal(new byte[] { 1, 0, 1, 1, 0, 1 }, f.Flags);
    }

    [Fact]
    public void Of_NaNMeanInChannel_ThresholdNaNAndNoFlagsForThatChannel()
    {
        Blob[] blobs = [new(0, 0, 0, 1, -1, -1, 0), new(1, 0, 0, 1, -1, -1, 1), new(2, 0, 0, 1, -1, -1, 1)];
        double[] means = [10, 50, 1, double.NaN, 2, 9];
        var f = IntensityFlags.Of(blobs, means, 2);
        Assert.True(double.IsNaN(f.ThresholdPerChannel[1]!.Value));
        Assert.Equal(new byte[] { 1, 0, 0, 0, 0, 0 }, f.Flags);
    }

    [Fact]
    public void Of_ChannelWithoutBlobs_NullThresholdAndZeroColumn()
    {
        Blob[] blobs = [new(0, 0, 0, 1, -1, -1, 0)];
        var f = IntensityFlags.Of(blobs, [4, 100], 2);
        Assert.Null(f.ThresholdPerChannel[1]);
        Assert.Equal(new byte[] { 1, 0 }, f.Flags);
    }
}
