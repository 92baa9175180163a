using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Intensity;
using Coloc.Core.Pipeline;
using Coloc.TestKit;

namespace Coloc.Core.Tests.Intensity;

/// <summary>The block pipeline's intensity step agrees with the whole-image <see cref="IntensityColocalizer"/> (issue 4).</summary>
public class IntensityCrossCheckTests
{
    [Theory]
    [InlineData(1, 40)]
    [InlineData(2, 300)]
    [InlineData(3, 900)]
    public void BlockMeansThenFlags_SameFlagsAndThresholdsAsWholeImageColocalizer(int seed, int spots)
    {
        var image = SyntheticImage.Create(new ZyxInt(14, 40, 44), 3, spots, seed);
        var detector = new PeakDetector { Threshold = 150 };
        var grid = new BlockGrid(image.Shape, new ZyxInt(5, 13, 17));
        var reader = RegionReader<ushort>.Of(image);
        var (blobs, means) = BlockMerge.Merge(Enumerable.Range(0, grid.Count).Select(i => BlockRunner.Run(reader, grid, i, detector)), grid, 3);
        Assert.True(blobs.Length > 20, $"only {blobs.Length} blobs");
        var ours = IntensityFlags.Of(blobs, means, 3);
        var theirs = IntensityColocalizer.Run(image.Channels, blobs);
        for (int c = 0; c < 3; c++)
        {
            var a = ours.ThresholdPerChannel[c];
            var b = theirs.Thresholds[c];
            Assert.Equal(a.HasValue, b.HasValue);
            if (a is { } x && b is { } y) Assert.Equal(BitConverter.DoubleToInt64Bits(x), BitConverter.DoubleToInt64Bits(y));
        }
        for (int i = 0; i < blobs.Length; i++)
            for (int c = 0; c < 3; c++)
                Assert.True(ours[i, c] == theirs.Flag(i, c), $"blob {i} channel {c}: {ours[i, c]} vs {theirs.Flag(i, c)}");
    }
}
