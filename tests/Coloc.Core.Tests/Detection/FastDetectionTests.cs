using Coloc.Core.Blobs;
using Coloc.Core.Detection;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.TestKit;
using Xunit.Abstractions;

namespace Coloc.Core.Tests.Detection;

/// <summary>
/// <see cref="DetectionMode.Fast"/> against the exact mode on synthetic volumes: ≥ 99 % of blobs within 1 voxel (radius
/// within 5 %) both ways; results identical for any thread count and block size.
/// </summary>
public class FastDetectionTests(ITestOutputHelper output)
{
    private static readonly DetectionOptions Fast = new() { Mode = DetectionMode.Fast };

    public static TheoryData<int, int, int, int> Volumes => new()
    {
        { 32, 192, 192, 7000 },   // the timing volume's density and spot sizes
        { 40, 128, 160, 7001 },
        { 24, 200, 120, 7002 },
    };

    [Theory]
    [MemberData(nameof(Volumes))]
    public void Fast_SyntheticVolume_99PercentWithinOneVoxelOfExactBothWays(int nz, int ny, int nx, int seed)
    {
        var (vol, _) = SyntheticVolumes.TimingVolume(new ZyxInt(nz, ny, nx), seed);
        var image = new MultiChannelVolume<ushort>([vol], Zyx.All(1));
        var exact = BlobDetector.Detect(image, new DetectionOptions());
        var fast = BlobDetector.Detect(image, Fast);
        double exactNearFast = BlobAgreement.FractionNear(exact, fast), fastNearExact = BlobAgreement.FractionNear(fast, exact);
        output.WriteLine($"{nz}x{ny}x{nx} seed {seed}: exact {exact.Length} blobs, fast {fast.Length}; within 1 voxel: {exactNearFast:P2} of exact, {fastNearExact:P2} of fast");
        Assert.True(exact.Length >= 20, "the volume has blobs to compare");
        Assert.True(exactNearFast >= 0.99, $"exact blobs near fast ones: {exactNearFast:P2}");
        Assert.True(fastNearExact >= 0.99, $"fast blobs near exact ones: {fastNearExact:P2}");
    }

    [Fact]
    public void Fast_ThreadsAndBlockSizes_IdenticalBlobs()
    {
        var (vol, _) = SyntheticVolumes.TimingVolume(new ZyxInt(24, 90, 70), 11);
        var image = new MultiChannelVolume<ushort>([vol], Zyx.All(1));
        var one = BlobDetector.Detect(image, Fast with { Threads = 1 });
        Assert.NotEmpty(one);
        Assert.Equal(one, BlobDetector.Detect(image, Fast with { Threads = 3 }));
        Assert.Equal(one, BlobDetector.DetectBlocks(image, Fast with { Threads = 2, BlockShapeVoxels = new ZyxInt(7, 40, 33) }));
        Assert.Equal(one, BlobDetector.DetectBlocks(image, Fast with { Threads = 1, BlockShapeVoxels = new ZyxInt(24, 17, 70) }));
    }

    [Fact]
    public void Fast_BoxByBox_EqualsWholeImage()
    {
        var (vol, _) = SyntheticVolumes.TimingVolume(new ZyxInt(20, 80, 90), 12);
        var image = new MultiChannelVolume<ushort>([vol], Zyx.All(1));
        var whole = BlobDetector.Detect(image, Fast);
        Assert.NotEmpty(whole);
        var reader = RegionReader<ushort>.Of(image);
        var detector = new LogBlobDetector<ushort>(Fast);
        var grid = new BlockGrid(image.Shape, new ZyxInt(9, 35, 40));
        var boxes = new List<Blob>();
        for (int i = 0; i < grid.Count; i++) boxes.AddRange(detector.DetectIn(reader, grid.Core(i), default));
        Assert.Equal(whole.OrderBy(b => b, BlobOrder.Comparer), boxes.OrderBy(b => b, BlobOrder.Comparer));
    }
}
