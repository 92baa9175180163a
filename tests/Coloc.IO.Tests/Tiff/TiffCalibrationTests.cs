using System.Globalization;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Tiff;

public sealed class TiffCalibrationTests
{
    [Theory]
    [InlineData(0.3, 0.96, 0.7)]
    [InlineData(0.8, 0.8, 3)]
    [InlineData(0.1625, 0.1625, 2.5)]
    public void ResolutionUm_TifffileRationals_EqualMagellanMapperDenominatorOverNumerator(double x, double y, double z)
    {
        string dir = RepoPaths.NewTempDir();
        string path = Path.Combine(dir, "r.tif");
        string expected = ExternalTool.Python3("""
            import sys, numpy as np, tifffile
            x, y, z = (float(v) for v in sys.argv[2:5])
            tifffile.imwrite(sys.argv[1], np.zeros((2, 2, 8, 8), 'u2'), imagej=True, resolution=(1 / x, 1 / y),
                             metadata={'spacing': z, 'unit': 'micron', 'axes': 'ZCYX'})
            with tifffile.TiffFile(sys.argv[1]) as f:
                p = f.pages[0]
                xn, xd = p.tags['XResolution'].value
                yn, yd = p.tags['YResolution'].value
                print(repr(f.imagej_metadata['spacing']), repr(yd / yn), repr(xd / xn))
            """, path, x.ToString("R", CultureInfo.InvariantCulture), y.ToString("R", CultureInfo.InvariantCulture), z.ToString("R", CultureInfo.InvariantCulture));
        var want = expected.Trim().Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        using (var s = TiffStack.Open(path))
        {
            Assert.Equal(want[0], s.ResolutionUm.Z);
            Assert.Equal(want[1], s.ResolutionUm.Y);
            Assert.Equal(want[2], s.ResolutionUm.X);
        }
        Directory.Delete(dir, true);
    }

    [Fact]
    public void ResolutionUm_UnknownUnit_Uncalibrated()
    {
        var ij = ImageJDescription.TryParse("ImageJ=1.53t\nimages=2\nslices=2\nunit=pixel\nspacing=3\n");
        Assert.Equal(Coloc.Core.Geometry.Zyx.All(1), TiffCalibration.ResolutionUm(ij, 0.5, 0.5, 1));
    }

    [Fact]
    public void ResolutionUm_Nanometres_ConvertedToMicrons()
    {
        var ij = ImageJDescription.TryParse("ImageJ=1.53t\nimages=2\nslices=2\nunit=nm\nspacing=300\n");
        Assert.Equal(new Coloc.Core.Geometry.Zyx(0.3, 0.1, 0.05), TiffCalibration.ResolutionUm(ij, 50, 100, 1));
    }

    [Fact]
    public void Format_ImageJHeader_ParsesBack()
    {
        var h = new ImageJDescription(12, 2, 3, 2, "micron", 0.7);
        Assert.Equal(h, ImageJDescription.TryParse(h.Format()));
        Assert.StartsWith("ImageJ=1.53t\nimages=12\nchannels=2\nslices=3\nframes=2\nhyperstack=true\nmode=composite\nunit=micron\nspacing=0.7\nloop=false\n", h.Format());
    }
}
