using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.IO.Images;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Images;

/// <summary>Folders of 2-D TIFF planes: file order, channel patterns, block reads equal to the volume, refusals naming the file.</summary>
public sealed class PlaneFolderTests
{
    private static readonly ZyxInt Shape = new(12, 20, 17);

    private static ArrayVolume<ushort> Volume(int seed) =>
        SyntheticVolumes.Render(Shape, 500, 100, [new PlantedSpot(6, 10, 8, 3, 3, 3, 20000)], seed);

    /// <summary>Writes each z of <paramref name="v"/> as its own file <c>prefix{z+1}.tif</c> (unpadded, so only a natural sort gets z right).</summary>
    private static void WritePlanes(string dir, string prefix, ArrayVolume<ushort> v, Zyx? resolutionUm = null)
    {
        Directory.CreateDirectory(dir);
        for (int z = 0; z < v.Shape.Z; z++)
        {
            var plane = new ArrayVolume<ushort>(new ZyxInt(1, v.Shape.Y, v.Shape.X), v.Plane(z).ToArray());
            TiffStackWriter.Write<ushort>(Path.Combine(dir, $"{prefix}{z + 1}.tif"), [plane], new TiffWriteOptions { ResolutionUm = resolutionUm ?? Zyx.All(1) });
        }
    }

    private static ushort[] ReadAll(ImageStack s, int c)
    {
        var d = new ushort[s.Shape.Volume];
        s.ReadBlock<ushort>(c, default, s.Shape, d);
        return d;
    }

    [Theory]
    [InlineData("z2.tif", "z10.tif")]
    [InlineData("img_9_b", "img_10_a")]
    [InlineData("a1", "A2")]
    [InlineData("z2", "z02")]
    public void NaturalOrder_OrdersNumbersByValue(string first, string second)
    {
        Assert.True(NaturalOrder.Instance.Compare(first, second) < 0);
        Assert.True(NaturalOrder.Instance.Compare(second, first) > 0);
    }

    [Fact]
    public void Folder_OneChannel_ReadsTheVolumeInNaturalOrder()
    {
        string dir = Path.Combine(RepoPaths.NewTempDir(), "planes");
        var v = Volume(1);
        WritePlanes(dir, "z", v, new Zyx(1, 0.5, 0.25));
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "not a plane");
        File.WriteAllBytes(Path.Combine(dir, "._z1.tif"), [0, 5, 22, 7]);
        using var s = ImageFiles.Open(dir);
        Assert.IsType<PlaneFolderStack>(s);
        Assert.Equal((Shape, 1, TiffPixelType.UInt16), (s.Shape, s.Channels, s.PixelType));
        Assert.Equal(0.5, s.ResolutionUm.Y, 9);
        Assert.Equal(0.25, s.ResolutionUm.X, 9);
        Assert.Equal(v.Data, ReadAll(s, 0));
        var box = new ushort[3 * 5 * 4];
        s.ReadBlock<ushort>(0, new ZyxInt(9, 2, 11), new ZyxInt(3, 5, 4), box);
        for (int z = 0; z < 3; z++)
            for (int y = 0; y < 5; y++)
                for (int x = 0; x < 4; x++)
                    Assert.Equal(v[9 + z, 2 + y, 11 + x], box[(z * 5 + y) * 4 + x]);
        Assert.Equal(v.Plane(10).ToArray(), s.Channel<ushort>(0).Plane(10).ToArray());
    }

    [Fact]
    public void ChannelViews_ReadWindow_EqualsThePlanesWindow()
    {
        // Detection reads plane folders window by window (IWindowVolume) instead of whole planes; same values.
        string dir = Path.Combine(RepoPaths.NewTempDir(), "planes");
        var v = Volume(3);
        WritePlanes(dir, "z", v);
        using var s = ImageFiles.Open(dir);
        var raw = Assert.IsAssignableFrom<IWindowVolume<ushort>>(s.Channel<ushort>(0));
        var asFloat = Assert.IsAssignableFrom<IWindowVolume<float>>(s.ChannelAsFloat(0));
        foreach (var (z, y0, ny, x0, nx) in new[] { (0, 0, 20, 0, 17), (5, 3, 7, 2, 9), (11, 19, 1, 16, 1), (7, 0, 4, 13, 4) })
        {
            var window = new ushort[ny * nx];
            var windowF = new float[ny * nx];
            raw.ReadWindow(z, y0, ny, x0, nx, window);
            asFloat.ReadWindow(z, y0, ny, x0, nx, windowF);
            for (int y = 0; y < ny; y++)
                for (int x = 0; x < nx; x++)
                {
                    Assert.Equal(v[z, y0 + y, x0 + x], window[y * nx + x]);
                    Assert.Equal(v[z, y0 + y, x0 + x], windowF[y * nx + x]);
                }
        }
    }

    [Fact]
    public void FolderPerChannel_PatternTakesChannelsByNumber()
    {
        string root = RepoPaths.NewTempDir();
        var a = Volume(2);
        var b = Volume(3);
        WritePlanes(Path.Combine(root, "ch2"), "p", a);
        WritePlanes(Path.Combine(root, "ch10"), "p", b);
        Directory.CreateDirectory(Path.Combine(root, "chx"));
        using var s = ImageFiles.Open(Path.Combine(root, "ch{c}"));
        Assert.Equal(2, s.Channels);
        Assert.Equal(a.Data, ReadAll(s, 0));
        Assert.Equal(b.Data, ReadAll(s, 1));
    }

    [Fact]
    public void FilePattern_ChannelAndGlobInOneFolder()
    {
        string dir = RepoPaths.NewTempDir();
        var a = Volume(4);
        var b = Volume(5);
        WritePlanes(dir, "stack_C00_Z", a);
        WritePlanes(dir, "stack_C01_Z", b);
        using (var s = ImageFiles.Open(Path.Combine(dir, "stack_C{c}_Z*.tif")))
        {
            Assert.Equal(2, s.Channels);
            Assert.Equal(a.Data, ReadAll(s, 0));
            Assert.Equal(b.Data, ReadAll(s, 1));
        }
        using var one = ImageFiles.Open(Path.Combine(dir, "stack_C01_*.tif"));
        Assert.Equal(1, one.Channels);
        Assert.Equal(b.Data, ReadAll(one, 0));
    }

    [Fact]
    public void PlaneOfAnotherSize_IsRefusedNamingIt()
    {
        string dir = Path.Combine(RepoPaths.NewTempDir(), "planes");
        WritePlanes(dir, "z", Volume(6));
        string odd = Path.Combine(dir, "z5.tif");
        TiffStackWriter.Write<ushort>(odd, [ArrayVolume<ushort>.Zeros(new ZyxInt(1, 20, 16))]);
        var e = Assert.Throws<ColocFormatException>(() => ImageFiles.Open(dir));
        Assert.StartsWith(odd + ":", e.Message);
        Assert.Contains("20×16", e.Message);
    }

    [Fact]
    public void MultiPagePlane_IsRefusedNamingIt()
    {
        string dir = Path.Combine(RepoPaths.NewTempDir(), "planes");
        WritePlanes(dir, "z", Volume(7));
        string multi = Path.Combine(dir, "z3.tif");
        TiffStackWriter.Write<ushort>(multi, [ArrayVolume<ushort>.Zeros(new ZyxInt(2, 20, 17))]);
        var e = Assert.Throws<ColocFormatException>(() => ImageFiles.Open(dir));
        Assert.StartsWith(multi + ":", e.Message);
        Assert.Contains("one 2-D plane per file", e.Message);
    }

    [Fact]
    public void ChannelsWithDifferentPlaneCounts_AreRefused()
    {
        string root = RepoPaths.NewTempDir();
        WritePlanes(Path.Combine(root, "ch0"), "p", Volume(8));
        WritePlanes(Path.Combine(root, "ch1"), "p", Volume(9));
        File.Delete(Path.Combine(root, "ch1", "p12.tif"));
        var e = Assert.Throws<ColocFormatException>(() => ImageFiles.Open(Path.Combine(root, "ch{c}")));
        Assert.Contains("channel 1 has 11 planes, channel 0 has 12", e.Message);
    }

    [Fact]
    public void EmptyFolderAndNoMatch_AreRefusedNamingThePath()
    {
        string dir = RepoPaths.NewTempDir();
        var e = Assert.Throws<ColocFormatException>(() => ImageFiles.Open(dir));
        Assert.StartsWith(dir, e.Message);
        Assert.Contains("no TIFF planes", e.Message);
        string pattern = Path.Combine(dir, "ch{c}");
        e = Assert.Throws<ColocFormatException>(() => ImageFiles.Open(pattern));
        Assert.StartsWith(pattern + ":", e.Message);
    }

    [Fact]
    public void TruncatedPlane_IsRefusedNamingIt()
    {
        string dir = Path.Combine(RepoPaths.NewTempDir(), "planes");
        WritePlanes(dir, "z", Volume(10));
        string cut = Path.Combine(dir, "z7.tif");
        var bytes = File.ReadAllBytes(cut);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 3)]);
        var e = Assert.Throws<ColocFormatException>(() =>
        {
            using var s = ImageFiles.Open(dir);
            ReadAll(s, 0);
        });
        Assert.StartsWith(cut + ":", e.Message);
    }
}
