using System.Text.Json;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Tiff;

/// <summary>The oracle's roi.tif files (tifffile, imagej=True, ZCYX uint16) read voxel for voxel as tifffile reads them.</summary>
public sealed class OracleTiffTests
{
    public static TheoryData<string> RoiFiles()
    {
        var d = new TheoryData<string>();
        foreach (var dir in RepoPaths.Cases("C").Concat(RepoPaths.Cases("E")))
            if (File.Exists(Path.Combine(dir, "roi.tif"))) d.Add(Path.GetFileName(dir));
        return d;
    }

    [Theory]
    [MemberData(nameof(RoiFiles))]
    public void Open_OracleRoi_MatchesTifffileZcyx(string caseName)
    {
        string path = Path.Combine(RepoPaths.Case(caseName), "roi.tif");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Case(caseName), "roi.json")));
        var shape = json.RootElement.GetProperty("tiff_shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var reference = TifffileReference.Read(path);   // always z,c,y,x
        using var stack = TiffStack.Open(path);
        Assert.Equal(TiffPixelType.UInt16, stack.PixelType);
        Assert.Equal(reference.Shape[0], stack.Shape.Z);
        Assert.Equal(reference.Shape[1], stack.Channels);
        Assert.Equal((reference.Shape[2], reference.Shape[3]), (stack.Shape.Y, stack.Shape.X));
        Assert.Equal(shape[0], stack.Shape.Z);
        Assert.Equal(shape[^1], stack.Shape.X);
        var plane = new ushort[stack.Shape.Y * stack.Shape.X];
        for (int z = 0; z < stack.Shape.Z; z++)
        for (int c = 0; c < stack.Channels; c++)
        {
            stack.ReadPlane<ushort>(c, z, plane);
            for (int i = 0; i < plane.Length; i++)
                Assert.Equal(reference.At(z, c, i), plane[i]);
        }
        if (json.RootElement.TryGetProperty("resolutions_zyx_um", out var res))
        {
            var r = res.EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Equal(r[0], stack.ResolutionUm.Z, 12);
            Assert.Equal(r[1], stack.ResolutionUm.Y, 6);
            Assert.Equal(r[2], stack.ResolutionUm.X, 6);
        }
    }
}
