using Coloc.Core.Blobs;
using Coloc.Core.Detection;
using Coloc.Core.Geometry;
using Coloc.Core.Pipeline;
using Coloc.TestKit;
using Coloc.Core.Image;

namespace Coloc.Core.Tests.Detection;

public class LogBlobDetectorTests
{
    private static readonly DetectionOptions Options = new() { Threads = 2 };

    [Theory]
    [InlineData(30, 10, 64, 72, 5)]
    [InlineData(60, 16, 48, 40, 9)]
    [InlineData(400, 12, 60, 60, 3)]
    public void DetectIn_EveryBoxOfAGrid_ExactlyTheWholeImageBlobsInside(int spots, int z, int y, int x, int seed)
    {
        var image = SyntheticImage.Create(new ZyxInt(z, y, x), 2, spots, seed, brightness: 30);
        var whole = BlobDetector.Detect(image, Options);
        Assert.True(whole.Length >= 20, $"too few blobs for a meaningful test: {whole.Length}");
        var reader = RegionReader<ushort>.Of(image);
        var detector = new LogBlobDetector<ushort>(Options);
        foreach (var core in new[] { new ZyxInt((z + 1) / 2, (y + 1) / 2, (x + 2) / 3), new ZyxInt(z, 23, x) })
        {
            var grid = new BlockGrid(image.Shape, core);
            var found = new List<Blob>();
            for (int i = 0; i < grid.Count; i++)
            {
                var box = grid.Core(i);
                var inBox = detector.DetectIn(reader, box, default);
                Assert.All(inBox, b => Assert.True(box.Box.Contains(b.Center)));
                found.AddRange(inBox);
            }
            Assert.Equal(whole.OrderBy(b => b, BlobOrder.Comparer), found.OrderBy(b => b, BlobOrder.Comparer));
        }
        Console.WriteLine($"PROBE blobs={whole.Length} retries={detector.Retries}");
    }
}

public class LogBlobDetectorChainTests
{
    [Theory]
    [InlineData(7.3, 0.5)]
    [InlineData(3.1, 0.01)]
    public void DetectIn_ModulatedTubeAcrossBoxes_SameAsWholeImage(double period, double overlap)
    {
        var shape = new ZyxInt(12, 24, 160);
        var v = Coloc.Core.Image.ArrayVolume<ushort>.Zeros(shape);
        for (int z = 0; z < shape.Z; z++)
            for (int y = 0; y < shape.Y; y++)
                for (int x = 0; x < shape.X; x++)
                {
                    double d2 = (z - 6) * (z - 6) + (y - 12) * (y - 12);
                    double mod = 1 + 0.35 * Math.Cos(x * 2 * Math.PI / period);
                    v[z, y, x] = (ushort)Math.Min(65535, 40000 * mod * Math.Exp(-d2 / 8.0));
                }
        var image = new Coloc.Core.Image.MultiChannelVolume<ushort>([v], new Zyx(1, 1, 1));
        var options = new DetectionOptions { Threads = 2, Profiles = [Coloc.Core.Profiles.RoiProfiles.Default with { Overlap = overlap, MinSigmaFactor = 1, MaxSigmaFactor = 3 }] };
        var whole = BlobDetector.Detect(image, options);
        var detector = new LogBlobDetector<ushort>(options);
        var grid = new BlockGrid(shape, new ZyxInt(12, 24, 20));
        var found = Enumerable.Range(0, grid.Count).SelectMany(i => detector.DetectIn(RegionReader<ushort>.Of(image), grid.Core(i), default));
        Console.WriteLine($"PROBE tube blobs={whole.Length} retries={detector.Retries}");
        Assert.Equal(whole.OrderBy(b => b, BlobOrder.Comparer), found.OrderBy(b => b, BlobOrder.Comparer));
    }
}
