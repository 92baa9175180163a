using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Pipeline;
using Coloc.TestKit;
using CsCheck;
using Coloc.Core.Intensity;

namespace Coloc.Core.Tests.Pipeline;

public class BlockPipelineTests
{
    private static readonly PeakDetector Detector = new();
    private static readonly MultiChannelVolume<ushort> Image = SyntheticImage.Create(new ZyxInt(18, 40, 44), 2, 40, seed: 7);

    private static (Blob[] Blobs, double[] Means) RunAll(MultiChannelVolume<ushort> image, ZyxInt core, PeakDetector? detector = null)
    {
        var grid = new BlockGrid(image.Shape, core);
        var results = Enumerable.Range(0, grid.Count).Select(i => BlockRunner.Run(RegionReader<ushort>.Of(image), grid, i, detector ?? Detector)).ToArray();
        return BlockMerge.Merge(results, grid, image.Channels.Count);
    }

    private static void AssertSame((Blob[] Blobs, double[] Means) a, (Blob[] Blobs, double[] Means) b)
    {
        Assert.Equal(a.Blobs, b.Blobs);
        Assert.Equal(a.Means.Select(BitConverter.DoubleToInt64Bits), b.Means.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Run_SingleBlock_EqualsWholeImageDetectionInCanonicalOrder()
    {
        var (blobs, means) = RunAll(Image, Image.Shape);
        var whole = Detector.Detect(Image).OrderBy(b => b, BlobOrder.Comparer).ToArray();
        Assert.True(whole.Length > 40, $"the sample should hold many blobs, got {whole.Length}");
        Assert.Equal(whole, blobs);
        var wholeMeans = NeighbourhoodMeans.Compute(Image, whole, Enumerable.Range(0, whole.Length).ToArray());
        Assert.Equal(wholeMeans.Select(BitConverter.DoubleToInt64Bits), means.Select(BitConverter.DoubleToInt64Bits));
    }

    [Theory]
    [InlineData(7, 13, 11)]
    [InlineData(5, 40, 9)]
    [InlineData(18, 16, 16)]
    [InlineData(2, 3, 44)]
    public void Run_AnyBlockSize_SameBlobsAndMeansAsOneBlock(int z, int y, int x) =>
        AssertSame(RunAll(Image, Image.Shape), RunAll(Image, new ZyxInt(z, y, x)));

    [Fact]
    public void Run_RandomImagesAndBlockSizes_SameAsOneBlock()
    {
        var d = Gen.Int[2, 20];
        Gen.Select(Gen.Int[0, 10000], d, d, d).Sample((seed, z, y, x) =>
        {
            var img = SyntheticImage.Create(new ZyxInt(12, 24, 26), 2, 15, seed);
            var a = RunAll(img, img.Shape);
            var b = RunAll(img, new ZyxInt(z, y, x));
            return a.Blobs.SequenceEqual(b.Blobs) &&
                   a.Means.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(b.Means.Select(BitConverter.DoubleToInt64Bits));
        }, iter: 12);
    }

    [Fact]
    public void Run_HaloShorterThanDetectorReally_DiffersFromOneBlock()
    {
        // A detector that reads too small a margin around the box sees different peaks near the box faces.
        var liar = new PeakDetector { ContextVoxels = new ZyxInt(-3, -3, -3), Threshold = 120 };
        var dense = SyntheticImage.Create(new ZyxInt(18, 40, 44), 2, 400, seed: 11);
        var a = RunAll(dense, dense.Shape, liar);
        var b = RunAll(dense, new ZyxInt(3, 5, 5), liar);
        Assert.False(a.Blobs.SequenceEqual(b.Blobs) && a.Means.SequenceEqual(b.Means));
    }

    [Fact]
    public void Run_GridOfAnotherShape_Throws()
    {
        var grid = new BlockGrid(new ZyxInt(18, 40, 45), new ZyxInt(9, 20, 22));
        Assert.Throws<ArgumentException>(() => BlockRunner.Run(RegionReader<ushort>.Of(Image), grid, 0, Detector));
    }

    [Fact]
    public void Merge_ShuffledAndDuplicatedResults_SameAsInOrder()
    {
        var grid = new BlockGrid(Image.Shape, new ZyxInt(6, 14, 15));
        var results = Enumerable.Range(0, grid.Count).Select(i => BlockRunner.Run(RegionReader<ushort>.Of(Image), grid, i, Detector)).ToArray();
        var inOrder = BlockMerge.Merge(results, grid, 2);
        var rng = new Random(3);
        var shuffled = results.Concat(results.Where((_, i) => i % 3 == 0)).OrderBy(_ => rng.Next()).ToArray();
        AssertSame(inOrder, BlockMerge.Merge(shuffled, grid, 2));
    }

    [Fact]
    public void Merge_MissingBlocks_ThrowsNamingThem()
    {
        var grid = new BlockGrid(Image.Shape, new ZyxInt(6, 14, 15));
        var results = Enumerable.Range(0, grid.Count).Where(i => i is not (3 or 4 or 9))
            .Select(i => BlockRunner.Run(RegionReader<ushort>.Of(Image), grid, i, Detector));
        var e = Assert.Throws<ArgumentException>(() => BlockMerge.Merge(results, grid, 2));
        Assert.Contains("missing block results: 3, 4, 9", e.Message);
    }

    [Fact]
    public void Merge_DuplicateWithDifferentContent_Throws()
    {
        var grid = new BlockGrid(Image.Shape, new ZyxInt(6, 14, 15));
        var results = Enumerable.Range(0, grid.Count).Select(i => BlockRunner.Run(RegionReader<ushort>.Of(Image), grid, i, Detector)).ToList();
        var withBlobs = results.First(r => r.Blobs.Length > 0);
        results.Add(withBlobs with { Blobs = withBlobs.Blobs.Select(b => b with { Radius = b.Radius + 1 }).ToArray() });
        Assert.Throws<ArgumentException>(() => BlockMerge.Merge(results, grid, 2));
    }

    [Fact]
    public void Merge_BlobOutsideItsCore_Throws()
    {
        var grid = new BlockGrid(Image.Shape, new ZyxInt(6, 14, 15));
        var results = Enumerable.Range(0, grid.Count).Select(i => BlockRunner.Run(RegionReader<ushort>.Of(Image), grid, i, Detector)).ToArray();
        int k = Array.FindIndex(results, r => r.Blobs.Length > 0);
        var moved = results[k].Blobs.ToArray();
        moved[0] = moved[0] with { Z = (moved[0].Z + 6) % Image.Shape.Z };
        results[k] = results[k] with { Blobs = moved };
        Assert.Throws<ArgumentException>(() => BlockMerge.Merge(results, grid, 2));
    }
}
