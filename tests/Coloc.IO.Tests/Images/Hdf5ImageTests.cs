using Coloc.Core.Geometry;
using Coloc.IO.Hdf5;
using Coloc.IO.Images;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Images;

/// <summary>Imaris .ims and BigDataViewer .h5/.xml written with h5py: same voxels and voxel size as the OME-TIFF of the same volume; damaged files refused in one line.</summary>
public sealed class Hdf5ImageTests : IClassFixture<Hdf5ImageTests.Files>
{
    /// <summary>The generated images, once for the class.</summary>
    public sealed class Files
    {
        public ToolImages Images { get; } = ToolImages.Write(20, 40, 36);
    }

    private readonly ToolImages _img;

    public Hdf5ImageTests(Files files) => _img = files.Images;

    private static ushort[] All(ImageStack s, int c)
    {
        var d = new ushort[s.Shape.Volume];
        s.ReadBlock<ushort>(c, default, s.Shape, d);
        return d;
    }

    [Theory]
    [InlineData("vol.ims")]
    [InlineData("vol.h5")]
    [InlineData("vol.xml")]
    [InlineData("vol.ome.tif")]
    [InlineData("planes/C{c}")]
    public void EveryLayout_SameVoxelsAndVoxelSize(string name)
    {
        using var reference = TiffStack.Open(_img.OmeTiff);
        using var s = Hdf5Images.Open(Path.Combine(_img.Dir, name));
        Assert.Equal(new ZyxInt(20, 40, 36), s.Shape);
        Assert.Equal((2, 1, TiffPixelType.UInt16), (s.Channels, s.Frames, s.PixelType));
        Assert.Equal(new Zyx(4, 2, 2), s.ResolutionUm);
        for (int c = 0; c < 2; c++) Assert.Equal(All(reference, c), All(s, c));
        var box = new ushort[3 * 7 * 5];
        var want = new ushort[box.Length];
        s.ReadBlock<ushort>(1, new ZyxInt(15, 30, 29), new ZyxInt(3, 7, 5), box);
        reference.ReadBlock<ushort>(1, new ZyxInt(15, 30, 29), new ZyxInt(3, 7, 5), want);
        Assert.Equal(want, box);
        Assert.NotEqual(new ushort[box.Length], box);
    }

    [Fact]
    public void Imaris_PaddedDatasetCutToTheImageSize_AndLevel1Readable()
    {
        using var s = ImarisStack.Open(_img.Ims, level: 1);
        Assert.Equal(new ZyxInt(10, 20, 18), s.Shape);
        Assert.Equal(Zyx.All(1), s.ResolutionUm);
    }

    [Fact]
    public void Bdv_Level1_VoxelSizeScaledByResolutions()
    {
        using var s = BdvStack.Open(_img.BdvXml, level: 1);
        Assert.Equal(new ZyxInt(10, 20, 18), s.Shape);
        Assert.Equal(new Zyx(8, 4, 4), s.ResolutionUm);
    }

    private string Copy(string source, string name)
    {
        string path = Path.Combine(RepoPaths.NewTempDir(), name);
        File.Copy(source, path);
        return path;
    }

    [Theory]
    [InlineData("vol.ims", 0.5)]
    [InlineData("vol.ims", 0.05)]
    [InlineData("vol.h5", 0.5)]
    [InlineData("vol.h5", 0.05)]
    public void Truncated_OneLineNamingTheFile(string name, double keep)
    {
        string path = Copy(Path.Combine(_img.Dir, name), name);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keep)]);
        var e = Assert.Throws<ColocFormatException>(() =>
        {
            using var s = Hdf5Images.Open(path);
            for (int c = 0; c < s.Channels; c++) All(s, c);
        });
        Assert.StartsWith(path + ":", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("noise.ims")]
    [InlineData("noise.h5")]
    public void NotHdf5_OneLineNamingTheFile(string name)
    {
        string path = Path.Combine(RepoPaths.NewTempDir(), name);
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 4000).Select(i => (byte)(i * 37 % 251))]);
        var e = Assert.Throws<ColocFormatException>(() => Hdf5Images.Open(path));
        Assert.StartsWith(path + ":", e.Message);
        Assert.Contains("HDF5", e.Message);
    }

    [Fact]
    public void HeaderClaimingHugeDataset_RefusedBeforeReading()
    {
        string dir = RepoPaths.NewTempDir();
        string ims = Path.Combine(dir, "huge.ims"), h5 = Path.Combine(dir, "huge.h5");
        ExternalTool.Python3("""
            import sys, h5py, numpy as np
            with h5py.File(sys.argv[1], "w") as f:
                f.create_dataset("DataSet/ResolutionLevel 0/TimePoint 0/Channel 0/Data", shape=(100000, 100000, 1000), dtype=np.uint16, chunks=(1, 64, 64))
            with h5py.File(sys.argv[2], "w") as f:
                f.create_dataset("s00/resolutions", data=np.ones((1, 3)))
                f.create_dataset("t00000/s00/0/cells", shape=(50000, 50000, 50000), dtype=np.int16, chunks=(1, 64, 64))
            """, ims, h5);
        foreach (var path in new[] { ims, h5 })
        {
            var e = Assert.Throws<ColocFormatException>(() => Hdf5Images.Open(path));
            Assert.StartsWith(path + ":", e.Message);
            Assert.Contains("--max-expansion", e.Message);
        }
    }

    [Fact]
    public void BdvXml_OtherLoaderOrMissingH5_Refused()
    {
        string dir = RepoPaths.NewTempDir();
        string xml = File.ReadAllText(_img.BdvXml);
        string n5 = Path.Combine(dir, "n5.xml");
        File.WriteAllText(n5, xml.Replace("format=\"bdv.hdf5\"", "format=\"bdv.n5\"", StringComparison.Ordinal));
        var e = Assert.Throws<ColocFormatException>(() => Hdf5Images.Open(n5));
        Assert.StartsWith(n5 + ":", e.Message);
        Assert.Contains("bdv.n5", e.Message);
        string lone = Path.Combine(dir, "lone.xml");
        File.WriteAllText(lone, xml);
        e = Assert.Throws<ColocFormatException>(() => Hdf5Images.Open(lone));
        Assert.StartsWith(lone + ":", e.Message);
        Assert.Contains("not found", e.Message);
        string bad = Path.Combine(dir, "bad.xml");
        File.WriteAllText(bad, xml.Replace("<size>2.0 2.0 4.0</size>", "<size>2.0 -2 4.0</size>", StringComparison.Ordinal));
        e = Assert.Throws<ColocFormatException>(() => Hdf5Images.Open(bad));
        Assert.StartsWith(bad + ":", e.Message);
        Assert.Contains("voxelSize", e.Message);
    }

    [Fact]
    public void Imaris_WrongRank_Refused()
    {
        string path = Path.Combine(RepoPaths.NewTempDir(), "flat.ims");
        ExternalTool.Python3("""
            import sys, h5py, numpy as np
            with h5py.File(sys.argv[1], "w") as f:
                f.create_dataset("DataSet/ResolutionLevel 0/TimePoint 0/Channel 0/Data", data=np.zeros((4, 5), np.uint16))
            """, path);
        var e = Assert.Throws<ColocFormatException>(() => Hdf5Images.Open(path));
        Assert.StartsWith(path + ":", e.Message);
        Assert.Contains("2 dimensions", e.Message);
    }
}
