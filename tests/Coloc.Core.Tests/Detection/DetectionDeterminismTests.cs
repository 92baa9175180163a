using Coloc.Core.Blobs;
using Coloc.Core.Detection;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.TestKit;
using CsCheck;

namespace Coloc.Core.Tests.Detection;

public class DetectionDeterminismTests
{
    private static MultiChannelVolume<ushort> Noisy(ZyxInt shape, int seed)
    {
        var rng = new Random(seed);
        int n = (int)Math.Max(3, shape.Volume / 3000);
        var spots = Enumerable.Range(0, n).Select(_ =>
        {
            double s = 2.5 + 3 * rng.NextDouble();
            return new PlantedSpot(rng.NextDouble() * shape.Z, rng.NextDouble() * shape.Y, rng.NextDouble() * shape.X, s, s, s, 8000 + 40000 * rng.NextDouble());
        }).ToArray();
        return new MultiChannelVolume<ushort>([SyntheticVolumes.Render(shape, 800, 250, spots, seed)], Zyx.All(1));
    }

    [Fact]
    public void Detect_ThreadsAndBlockSizes_IdenticalBlobs()
    {
        var img = Noisy(new ZyxInt(24, 90, 70), 11);
        var one = BlobDetector.DetectChannels(img, new DetectionOptions { Threads = 1 }, blocks: false)[0];
        Assert.NotEmpty(one.Blobs);
        var many = BlobDetector.Detect(img, new DetectionOptions { Threads = 3 });
        var blocksA = BlobDetector.DetectBlocks(img, new DetectionOptions { Threads = 2, BlockShapeVoxels = new ZyxInt(7, 40, 33) });
        var blocksB = BlobDetector.DetectBlocks(img, new DetectionOptions { Threads = 1, BlockShapeVoxels = new ZyxInt(24, 17, 70) });
        Assert.Equal(one.Blobs, many);
        Assert.Equal(one.Blobs, blocksA);
        Assert.Equal(one.Blobs, blocksB);
    }

    [Fact]
    public void DetectBlocks_AnyBlockShapeAndThreads_EqualsWholeImage()
    {
        var gen = Gen.Select(Gen.Int[2, 12], Gen.Int[8, 40], Gen.Int[8, 40], Gen.Int[1, 4], Gen.Int[0, 1000]);
        var img = Noisy(new ZyxInt(12, 40, 40), 5);
        Blob[] whole = BlobDetector.Detect(img, new DetectionOptions { Threads = 1 });
        gen.Sample((bz, by, bx, threads, _) =>
        {
            var got = BlobDetector.DetectBlocks(img, new DetectionOptions { Threads = threads, BlockShapeVoxels = new ZyxInt(bz, by, bx) });
            return got.SequenceEqual(whole);
        }, iter: 8);
    }

    [Fact]
    public void Detect_RandomSmallVolumes_PeaksCanonicallyOrderedAndAboveThreshold()
    {
        Gen.Int[0, 100000].Sample(seed =>
        {
            var img = Noisy(new ZyxInt(8, 30, 30), seed);
            var r = BlobDetector.DetectChannels(img, new DetectionOptions { Threads = 2 }, blocks: false)[0];
            for (int i = 1; i < r.Peaks.Count; i++)
                if (LogPeak.CompareCanonical(r.Peaks[i - 1], r.Peaks[i]) >= 0) return false;
            return r.Peaks.All(p => p.Response > 0.1) && r.Blobs.Length == r.Kept.Count(k => k);
        }, iter: 8);
    }
}
