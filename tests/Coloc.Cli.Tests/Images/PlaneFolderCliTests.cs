using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.Cli.Tests.Images;

/// <summary><c>coloc detect</c> and <c>coloc intensity</c> take a folder of planes as they take the TIFF it was cut from.</summary>
public sealed class PlaneFolderCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static (string Dir, string Tif) WriteStackAndPlanes()
    {
        string dir = RepoPaths.NewTempDir();
        var shape = new ZyxInt(14, 40, 36);
        var vols = Enumerable.Range(0, 2).Select(c => SyntheticVolumes.Render(shape, 800, 200,
            [new PlantedSpot(7, 12 + 14 * c, 15, 3, 3, 3, 40000), new PlantedSpot(4, 28, 26, 3.5, 3.5, 3.5, 30000)], 11 + c)).ToArray();
        var res = new Zyx(1, 1, 1);
        string tif = Path.Combine(dir, "img.tif");
        TiffStackWriter.Write<ushort>(tif, vols, new TiffWriteOptions { ResolutionUm = res });
        for (int c = 0; c < 2; c++)
        {
            string chDir = Path.Combine(dir, $"planes_C0{c}");
            Directory.CreateDirectory(chDir);
            for (int z = 0; z < shape.Z; z++)
                TiffStackWriter.Write<ushort>(Path.Combine(chDir, $"Z{z}.tif"),
                    [new ArrayVolume<ushort>(new ZyxInt(1, shape.Y, shape.X), vols[c].Plane(z).ToArray())], new TiffWriteOptions { ResolutionUm = res });
        }
        return (dir, tif);
    }

    [Fact]
    public void Detect_PlaneFolderPerChannel_SameBytesAsTheStack()
    {
        var (dir, tif) = WriteStackAndPlanes();
        string a = Path.Combine(dir, "a.csv"), b = Path.Combine(dir, "b.csv");
        Assert.Equal(ExitCodes.Ok, Run("detect", "--image", tif, "--out", a, "--threads", "2").Code);
        var r = Run("detect", "--image", Path.Combine(dir, "planes_C{c}"), "--out", b, "--threads", "2");
        Assert.Equal(ExitCodes.Ok, r.Code);
        Assert.Contains("channel 1:", r.Out);
        Assert.True(new FileInfo(a).Length > 100);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void Intensity_PlaneFolder_SameBytesAsTheStack()
    {
        var (dir, tif) = WriteStackAndPlanes();
        string blobs = Path.Combine(dir, "blobs.csv"), a = Path.Combine(dir, "ia.csv"), b = Path.Combine(dir, "ib.csv");
        Assert.Equal(ExitCodes.Ok, Run("detect", "--image", tif, "--out", blobs).Code);
        Assert.Equal(ExitCodes.Ok, Run("intensity", "--image", tif, "--blobs", blobs, "--out", a).Code);
        Assert.Equal(ExitCodes.Ok, Run("intensity", "--image", Path.Combine(dir, "planes_C{c}"), "--blobs", blobs, "--out", b).Code);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void Detect_DamagedPlane_OneLineNamingIt_Exit2_NothingWritten()
    {
        var (dir, _) = WriteStackAndPlanes();
        string bad = Path.Combine(dir, "planes_C01", "Z9.tif");
        File.WriteAllBytes(bad, File.ReadAllBytes(bad)[..200]);
        string outCsv = Path.Combine(dir, "x.csv");
        var r = Run("detect", "--image", Path.Combine(dir, "planes_C{c}"), "--out", outCsv);
        Assert.Equal(2, r.Code);
        Assert.False(File.Exists(outCsv));
        string line = Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(bad, line);
    }
}
