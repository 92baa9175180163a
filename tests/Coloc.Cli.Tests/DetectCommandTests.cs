using Coloc.Core.Detection;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.IO.Csv;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.Cli.Tests;

/// <summary><c>coloc detect</c>: writes what <see cref="BlobDetector"/> finds as the blob CSV; bad input exits 2 leaving nothing.</summary>
public sealed class DetectCommandTests
{
    private static (string Dir, string Tif, ArrayVolume<ushort>[] Channels) WriteImage(int channels, Zyx resolutionUm)
    {
        string dir = RepoPaths.NewTempDir();
        string tif = Path.Combine(dir, "img.tif");
        var vols = Enumerable.Range(0, channels).Select(c => SyntheticVolumes.Render(new ZyxInt(20, 48, 40), 800, 200,
            [new PlantedSpot(10, 12 + 20 * c, 15, 3.5, 3.5, 3.5, 40000), new PlantedSpot(5, 30, 30, 4, 4, 4, 30000)], 3 + c)).ToArray();
        TiffStackWriter.Write<ushort>(tif, vols, new TiffWriteOptions { ResolutionUm = resolutionUm });
        return (dir, tif, vols);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Detect_TwoChannelTiff_WritesBlobCsvOfTheDetector()
    {
        var (dir, tif, vols) = WriteImage(2, new Zyx(2, 1, 1));
        string csv = Path.Combine(dir, "blobs.csv");
        var r = Run("detect", "--image", tif, "--out", csv, "--threads", "2");
        Assert.Equal(ExitCodes.Ok, r.Code);
        var expected = BlobDetector.Detect(new MultiChannelVolume<ushort>(vols, new Zyx(2, 1, 1)), new DetectionOptions());
        Assert.NotEmpty(expected);
        Assert.Contains(expected, b => b.Channel == 1);
        Assert.Equal(expected, BlobCsv.Read(csv));
        Assert.Contains("channel 1:", r.Out);
    }

    [Fact]
    public void Detect_ChannelsAndBlockSize_SameBlobsAsWholeImage()
    {
        var (dir, tif, vols) = WriteImage(2, Zyx.All(1));
        string csv = Path.Combine(dir, "b.csv");
        Assert.Equal(ExitCodes.Ok, Run("detect", "--image", tif, "--out", csv, "--channels", "1", "--block-size", "7,20,16", "--resolution", "1,1,1", "--prune-order", "magmap").Code);
        var expected = BlobDetector.Detect(new MultiChannelVolume<ushort>(vols, Zyx.All(1)), new DetectionOptions { Channels = [1], MagellanMapperPruneOrder = true });
        Assert.Equal(expected, BlobCsv.Read(csv));
    }

    [Fact]
    public void Detect_ProfilePerChannel_SecondChannelUsesSecondProfile()
    {
        var (dir, tif, vols) = WriteImage(2, Zyx.All(1));
        string csv = Path.Combine(dir, "p.csv");
        Assert.Equal(ExitCodes.Ok, Run("detect", "--image", tif, "--out", csv, "--profile", "default", "4xnuc").Code);
        var profiles = new[] { Coloc.Core.Profiles.RoiProfiles.Resolve("default"), Coloc.Core.Profiles.RoiProfiles.Resolve("4xnuc") };
        var expected = BlobDetector.Detect(new MultiChannelVolume<ushort>(vols, Zyx.All(1)), new DetectionOptions { Profiles = profiles });
        Assert.Equal(expected, BlobCsv.Read(csv));
        Assert.Contains(expected, b => b.Channel == 1);
        // 4xnuc's sigmas end at 4, so channel 1's radii stay at or below 4·√3.
        Assert.All(expected.Where(b => b.Channel == 1), b => Assert.True(b.Radius <= 4 * Math.Sqrt(3) + 1e-12));
    }

    [Theory]
    [InlineData("--channels", "2", "no channel 2")]
    [InlineData("--resolution", "1,0,1", "--resolution")]
    [InlineData("--profile", "nosuch", "nosuch")]
    [InlineData("--block-size", "0,4,4", "--block-size")]
    [InlineData("--profile-set", "num_sigma", "num_sigma")]
    [InlineData("--prune-order", "random", "--prune-order")]
    public void Detect_BadOption_Exit2OneLineNothingWritten(string flag, string value, string mention)
    {
        var (dir, tif, _) = WriteImage(1, Zyx.All(1));
        string csv = Path.Combine(dir, "out.csv");
        var r = Run("detect", "--image", tif, "--out", csv, flag, value);
        Assert.Equal(ExitCodes.BadInput, r.Code);
        Assert.Contains(mention, r.Err);
        Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
        Assert.False(File.Exists(csv));
    }

    [Fact]
    public void Detect_MissingImage_Exit2NamingIt()
    {
        string dir = RepoPaths.NewTempDir();
        var r = Run("detect", "--image", Path.Combine(dir, "none.tif"), "--out", Path.Combine(dir, "o.csv"));
        Assert.Equal(ExitCodes.BadInput, r.Code);
        Assert.Contains("none.tif", r.Err);
        Assert.False(File.Exists(Path.Combine(dir, "o.csv")));
    }

    [Fact]
    public void Detect_SignedSixteenBitTiff_Exit2NamingPixelType()
    {
        string dir = RepoPaths.NewTempDir();
        string tif = Path.Combine(dir, "s16.tif");
        TiffStackWriter.Write<short>(tif, new IVolume<short>[] { ArrayVolume<short>.Zeros(new ZyxInt(2, 8, 8)) });
        var r = Run("detect", "--image", tif, "--out", Path.Combine(dir, "o.csv"));
        Assert.Equal(ExitCodes.BadInput, r.Code);
        Assert.Contains("Int16", r.Err);
        Assert.False(File.Exists(Path.Combine(dir, "o.csv")));
    }
}
