using Coloc.IO.Images;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Images;

/// <summary>OME-TIFF written by tifffile: dimension order, channels and voxel size from the OME-XML; bad OME-XML refused naming the file.</summary>
public sealed class OmeTiffTests
{
    /// <summary>Writes <c>a</c> (uint16, shape of <paramref name="axes"/>, values = running index) with tifffile as OME-TIFF.</summary>
    private static string Write(string axes, string shape, string metadata)
    {
        string path = Path.Combine(RepoPaths.NewTempDir(), "img.ome.tif");
        ExternalTool.Python3($$"""
            import sys, numpy as np, tifffile
            shape = ({{shape}})
            a = (np.arange(np.prod(shape)) % 65521).astype(np.uint16).reshape(shape)
            tifffile.imwrite(sys.argv[1], a, metadata=dict(axes='{{axes}}', {{metadata}}))
            """, path);
        return path;
    }

    /// <summary>The value tifffile's array holds at index (t, c, z, y, x) for <paramref name="axes"/> and its sizes.</summary>
    private static ushort Expected(string axes, IReadOnlyDictionary<char, int> sizes, int t, int c, int z, int y, int x)
    {
        var at = new Dictionary<char, int> { ['T'] = t, ['C'] = c, ['Z'] = z, ['Y'] = y, ['X'] = x };
        long i = 0;
        foreach (char a in axes) i = i * sizes[a] + at[a];
        return (ushort)(i % 65521);
    }

    [Theory]
    [InlineData("ZCYX", 3, 2, 1)]
    [InlineData("CZYX", 3, 2, 1)]
    [InlineData("TZCYX", 4, 3, 2)]
    [InlineData("CTZYX", 2, 3, 2)]
    public void DimensionOrder_EveryPlaneWhereTifffilePutIt(string axes, int nz, int nc, int nt)
    {
        var sizes = new Dictionary<char, int> { ['T'] = nt, ['C'] = nc, ['Z'] = nz, ['Y'] = 5, ['X'] = 7 };
        string shape = string.Join(",", axes.Select(a => sizes[a])) + ",";
        string path = Write(axes, shape, "PhysicalSizeX=0.5, PhysicalSizeY=0.25, PhysicalSizeZ=2000.0, PhysicalSizeZUnit='nm'");
        using var s = ImageFiles.Open(path);
        Assert.Equal((nz, 5, 7), (s.Shape.Z, s.Shape.Y, s.Shape.X));
        Assert.Equal((nc, nt), (s.Channels, s.Frames));
        Assert.Equal(2.0, s.ResolutionUm.Z, 12);
        Assert.Equal(0.25, s.ResolutionUm.Y, 12);
        Assert.Equal(0.5, s.ResolutionUm.X, 12);
        var plane = new ushort[35];
        for (int t = 0; t < nt; t++)
            for (int c = 0; c < nc; c++)
                for (int z = 0; z < nz; z++)
                {
                    s.ReadPlane<ushort>(c, z, plane, t);
                    for (int y = 0; y < 5; y++)
                        for (int x = 0; x < 7; x++)
                            Assert.Equal(Expected(axes, sizes, t, c, z, y, x), plane[y * 7 + x]);
                }
    }

    [Theory]
    [InlineData("mm", 1000.0)]
    [InlineData("µm", 1.0)]
    public void Units_ConvertedToMicrons(string unit, double factor)
    {
        string path = Write("ZYX", "2,3,5", $"PhysicalSizeX=0.003, PhysicalSizeXUnit='{unit}', PhysicalSizeY=0.002, PhysicalSizeYUnit='{unit}'");
        using var s = ImageFiles.Open(path);
        Assert.Equal(0.003 * factor, s.ResolutionUm.X, 12);
        Assert.Equal(0.002 * factor, s.ResolutionUm.Y, 12);
        Assert.Equal(1.0, s.ResolutionUm.Z);
    }

    /// <summary>A 2-page 4×3 uint8 TIFF whose ImageDescription is <paramref name="pixels"/> wrapped in OME.</summary>
    private static string WithDescription(string pixels)
    {
        string path = Path.Combine(RepoPaths.NewTempDir(), "bad.ome.tif");
        string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\"><Image ID=\"Image:0\">" + pixels + "</Image></OME>";
        ExternalTool.Python3("""
            import sys, numpy as np, tifffile
            with tifffile.TiffWriter(sys.argv[1]) as w:
                w.write(np.zeros((4, 3), np.uint8), description=sys.argv[2], metadata=None)
                w.write(np.ones((4, 3), np.uint8), metadata=None)
            """, path, xml);
        return path;
    }

    [Theory]
    [InlineData("<Pixels DimensionOrder=\"XYZCT\" Type=\"uint8\" SizeX=\"3\" SizeY=\"4\" SizeZ=\"3\" SizeC=\"1\" SizeT=\"1\"/>", "3 planes")]
    [InlineData("<Pixels DimensionOrder=\"XYZCT\" Type=\"uint8\" SizeX=\"5\" SizeY=\"4\" SizeZ=\"2\" SizeC=\"1\" SizeT=\"1\"/>", "4×5")]
    [InlineData("<Pixels DimensionOrder=\"ZYXCT\" Type=\"uint8\" SizeX=\"3\" SizeY=\"4\" SizeZ=\"2\" SizeC=\"1\" SizeT=\"1\"/>", "DimensionOrder")]
    [InlineData("<Pixels DimensionOrder=\"XYZCT\" Type=\"uint8\" SizeX=\"3\" SizeY=\"4\" SizeZ=\"-2\" SizeC=\"1\" SizeT=\"1\"/>", "SizeZ")]
    [InlineData("<Pixels DimensionOrder=\"XYZCT\" Type=\"uint8\" SizeX=\"3\" SizeY=\"4\" SizeZ=\"2\" SizeC=\"1\" SizeT=\"1\"><TiffData IFD=\"0\" PlaneCount=\"1\"><UUID FileName=\"other.ome.tif\">urn:uuid:1</UUID></TiffData></Pixels>", "multi-file")]
    [InlineData("<Pixels DimensionOrder=\"XYZCT\" Type=\"uint8\" SizeX=\"3\" SizeY=\"4\" SizeZ=\"2\" SizeC=\"1\" SizeT=\"1\"><TiffData IFD=\"1\" PlaneCount=\"1\"/></Pixels>", "no page for plane")]
    [InlineData("<Pixels DimensionOrder=\"XYZCT\" Type=\"uint8\" SizeX=\"3\" SizeY=\"4\" SizeZ=\"2\" SizeC=\"1\" SizeT=\"1\"><TiffData IFD=\"1\" PlaneCount=\"2\"/></Pixels>", "does not fit")]
    [InlineData("<Pixels DimensionOrder=\"XYZCT\" SizeX=\"3\" SizeY=\"4\" SizeZ=\"2\" SizeC=\"1\" SizeT=\"1\" PhysicalSizeX=\"nan\"/>", "PhysicalSizeX")]
    [InlineData("<Pixels DimensionOrder=\"XYZCT\" SizeX=\"3\"", "not well-formed")]
    public void BadOmeXml_OneLineNamingTheFile(string pixels, string problem)
    {
        string path = WithDescription(pixels);
        var e = Assert.Throws<ColocFormatException>(() => TiffStack.Open(path));
        Assert.StartsWith(path + ":", e.Message);
        Assert.Contains(problem, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void ExplicitTiffData_PlanesInAnyIfdOrder()
    {
        string path = WithDescription("<Pixels DimensionOrder=\"XYZCT\" Type=\"uint8\" SizeX=\"3\" SizeY=\"4\" SizeZ=\"2\" SizeC=\"1\" SizeT=\"1\"><TiffData IFD=\"1\" FirstZ=\"0\" PlaneCount=\"1\"/><TiffData IFD=\"0\" FirstZ=\"1\" PlaneCount=\"1\"/></Pixels>");
        using var s = TiffStack.Open(path);
        var p = new byte[12];
        s.ReadPlane<byte>(0, 0, p);
        Assert.All(p, v => Assert.Equal(1, v));
        s.ReadPlane<byte>(0, 1, p);
        Assert.All(p, v => Assert.Equal(0, v));
    }
}
