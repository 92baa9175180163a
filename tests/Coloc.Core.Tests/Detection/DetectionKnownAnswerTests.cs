using Coloc.Core.Detection;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Profiles;
using Coloc.TestKit;

namespace Coloc.Core.Tests.Detection;

public class DetectionKnownAnswerTests
{
    private static MultiChannelVolume<ushort> Image(ArrayVolume<ushort> v, Zyx? res = null) => new([v], res ?? Zyx.All(1));

    [Fact]
    public void SingleGaussian_Centred_OneBlobAtCentreWithScaleOfSigmaRootTwoThirds()
    {
        // The sigma²-normalised 3D LoG of a Gaussian of sigma s0 peaks at sigma = s0·sqrt(2/3).
        double s0 = 4.9;
        var v = SyntheticVolumes.Render(new ZyxInt(41, 41, 41), 0, 0, [new PlantedSpot(20, 20, 20, s0, s0, s0, 30000)], 1);
        var blobs = BlobDetector.Detect(Image(v), new DetectionOptions { Threads = 1 });
        var b = Assert.Single(blobs);
        Assert.Equal((20.0, 20.0, 20.0), (b.Z, b.Y, b.X));
        Assert.InRange(b.Radius / Math.Sqrt(3), s0 * Math.Sqrt(2.0 / 3) - 0.12, s0 * Math.Sqrt(2.0 / 3) + 0.12);
        Assert.Equal((-1.0, -1.0, 0.0), (b.Confirmed, b.Truth, b.Channel));
    }

    [Fact]
    public void SingleGaussian_TooDim_NoBlob()
    {
        // Peak response ≈ 0.4 · amplitude / 65535 < 0.1 for 8,000 counts.
        var v = SyntheticVolumes.Render(new ZyxInt(41, 41, 41), 100, 0, [new PlantedSpot(20, 20, 20, 4.9, 4.9, 4.9, 8000)], 1);
        Assert.Empty(BlobDetector.Detect(Image(v), new DetectionOptions { Threads = 1 }));
    }

    [Fact]
    public void EmptyVolume_Constant_NoBlobs()
    {
        var v = new ArrayVolume<ushort>(new ZyxInt(16, 20, 24), Enumerable.Repeat((ushort)900, 16 * 20 * 24).ToArray());
        Assert.Empty(BlobDetector.Detect(Image(v), new DetectionOptions()));
        Assert.Empty(BlobDetector.DetectBlocks(Image(v), new DetectionOptions { BlockShapeVoxels = new ZyxInt(5, 7, 9) }));
    }

    [Fact]
    public void ZeroSizedVolume_NoBlobs()
    {
        var v = ArrayVolume<ushort>.Zeros(new ZyxInt(0, 10, 10));
        Assert.Empty(BlobDetector.Detect(Image(v), new DetectionOptions()));
    }

    [Fact]
    public void OneSliceVolume_SpotInPlane_BlobOnSliceZero()
    {
        // Reflect mode makes one slice an infinite column along z: the LoG then sees a 2D spot.
        var v = SyntheticVolumes.Render(new ZyxInt(1, 40, 40), 0, 0, [new PlantedSpot(0, 19, 22, 1e-3, 3.5, 3.5, 60000)], 1);
        var b = Assert.Single(BlobDetector.Detect(Image(v), new DetectionOptions { Threads = 2 }));
        Assert.Equal((0.0, 19.0, 22.0), (b.Z, b.Y, b.X));
    }

    [Fact]
    public void SpotOnFace_CentredOnFirstPlaneAndColumn_ReportedOnTheFace()
    {
        // README, Differences from MagellanMapper, D30: gaussian_laplace mirrors the image, so a spot centred on a face
        // is found on the face.
        var v = SyntheticVolumes.Render(new ZyxInt(30, 40, 40), 0, 0, [new PlantedSpot(0, 20, 0, 3.5, 3.5, 3.5, 40000)], 1);
        var b = Assert.Single(BlobDetector.Detect(Image(v), new DetectionOptions()));
        Assert.Equal((0.0, 20.0, 0.0), (b.Z, b.Y, b.X));
    }

    [Fact]
    public void Anisotropic_LightsheetProfile_ResamplesZAndMapsBack()
    {
        // 5 µm slices, 1 µm pixels: lightsheet resamples z by 5 · 0.96 = 4.8 (12 -> 57 slices); sigma 3 µm = 0.6 slices.
        var v = SyntheticVolumes.Render(new ZyxInt(12, 48, 48), 500, 0, [new PlantedSpot(6, 24, 20, 0.6, 3, 3, 40000)], 1);
        var opts = new DetectionOptions { Profiles = [RoiProfiles.Resolve("lightsheet")] };
        var res = BlobDetector.DetectChannels(Image(v, new Zyx(5, 1, 1)), opts, blocks: false);
        var b = Assert.Single(res[0].Blobs);
        Assert.Equal((24.0, 20.0), (b.Y, b.X));
        Assert.InRange(b.Z, 5, 6);
        // The radius stays in resampled voxels (README, Differences from MagellanMapper, D28): sigma from 2.6..2.8
        // times sqrt(3).
        Assert.InRange(b.Radius, 2.6 * Math.Sqrt(3), 2.8 * Math.Sqrt(3) + 1e-12);
        Assert.InRange(res[0].Peaks[0].Z, 26, 31);
    }

    [Fact]
    public void TwoChannels_ChannelsInRequestedOrder()
    {
        var a = SyntheticVolumes.Render(new ZyxInt(30, 40, 40), 0, 0, [new PlantedSpot(15, 10, 10, 4, 4, 4, 40000)], 1);
        var b = SyntheticVolumes.Render(new ZyxInt(30, 40, 40), 0, 0, [new PlantedSpot(15, 30, 30, 4, 4, 4, 40000)], 2);
        var img = new MultiChannelVolume<ushort>([a, b], Zyx.All(1));
        var blobs = BlobDetector.Detect(img, new DetectionOptions { Channels = [1, 0] });
        Assert.Equal([1.0, 0.0], blobs.Select(x => x.Channel));
        Assert.Equal([30.0, 10.0], blobs.Select(x => x.Y));
    }

    [Fact]
    public void ExcludeBorder_DropsBlobsNearFaces()
    {
        var v = SyntheticVolumes.Render(new ZyxInt(30, 40, 40), 0, 0,
            [new PlantedSpot(0, 20, 0, 3.5, 3.5, 3.5, 40000), new PlantedSpot(15, 20, 20, 3.5, 3.5, 3.5, 40000)], 1);
        var blobs = BlobDetector.Detect(Image(v), new DetectionOptions { ExcludeBorderVoxels = new ZyxInt(1, 0, 0) });
        var b = Assert.Single(blobs);
        Assert.Equal(15.0, b.Z);
    }

    [Fact]
    public void UnknownChannel_Throws()
    {
        var v = ArrayVolume<ushort>.Zeros(new ZyxInt(4, 4, 4));
        Assert.Throws<ArgumentException>(() => BlobDetector.Detect(Image(v), new DetectionOptions { Channels = [1] }));
    }
}

public class DetectionProgressTests
{
    private sealed class Recorder : IProgress<double>
    {
        public List<double> Values { get; } = new();
        public void Report(double value) => Values.Add(value);
    }

    [Fact]
    public void Detect_Progress_RisesToOne()
    {
        var v = SyntheticVolumes.Render(new ZyxInt(10, 30, 30), 0, 0, [], 1);
        var rec = new Recorder();
        BlobDetector.Detect(new MultiChannelVolume<ushort>([v, v], Zyx.All(1)), new DetectionOptions(), rec);
        Assert.Equal(20, rec.Values.Count);
        Assert.Equal(1.0, rec.Values[^1], 12);
        Assert.True(rec.Values.Zip(rec.Values.Skip(1)).All(p => p.First < p.Second));
    }

    [Fact]
    public void Detect_Cancelled_Throws()
    {
        var v = SyntheticVolumes.Render(new ZyxInt(10, 30, 30), 0, 0, [], 1);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            BlobDetector.Detect(new MultiChannelVolume<ushort>([v], Zyx.All(1)), new DetectionOptions(), null, cts.Token));
    }
}
