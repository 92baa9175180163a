using Coloc.Core.Geometry;
using Coloc.IO.Tiff;

namespace Coloc.IO.Tests.Tiff;

/// <summary>TiffStack on files written by ImageJ, tifffile and tiffcp: shape, type, calibration and every voxel.</summary>
public sealed class IndependentTiffTests(IndependentTiffFiles files) : IClassFixture<IndependentTiffFiles>
{
    public static TheoryData<string, TiffPixelType, int, int, bool> Files() => new()
    {
        // file, type, channels, frames, calibrated (ImageJ header with unit and spacing)
        { "ij_hs_u8", TiffPixelType.UInt8, 2, 1, true },
        { "ij_hs_u16", TiffPixelType.UInt16, 2, 1, true },
        { "ij_hs_f32", TiffPixelType.Float32, 2, 1, true },
        { "ij_hs_t2_u16", TiffPixelType.UInt16, 2, 2, true },
        { "ij_stack_u16", TiffPixelType.UInt16, 1, 1, true },
        { "tf_hs_u8", TiffPixelType.UInt8, 2, 1, true },
        { "tf_hs_u16", TiffPixelType.UInt16, 2, 1, true },
        { "tf_hs_f32", TiffPixelType.Float32, 2, 1, true },
        { "tf_hs_t2_u16", TiffPixelType.UInt16, 2, 2, true },
        { "tf_plain_i8", TiffPixelType.Int8, 1, 1, false },
        { "tf_plain_i16", TiffPixelType.Int16, 1, 1, false },
        { "tf_plain_u32", TiffPixelType.UInt32, 1, 1, false },
        { "tf_plain_i32", TiffPixelType.Int32, 1, 1, false },
        { "tf_big_u16", TiffPixelType.UInt16, 1, 1, false },
        { "tf_tiled_f32", TiffPixelType.Float32, 1, 1, false },
        { "tf_zlib_u16", TiffPixelType.UInt16, 1, 1, false },
        { "tf_zlib_tiled_big_i16", TiffPixelType.Int16, 1, 1, false },
        { "tf_be_i16", TiffPixelType.Int16, 1, 1, false },
        { "tf_rps5_u16", TiffPixelType.UInt16, 1, 1, false },
        { "cp_lzw_u16", TiffPixelType.UInt16, 2, 1, true },
        { "cp_lzw2_u16", TiffPixelType.UInt16, 2, 1, true },
        { "cp_packbits_u16", TiffPixelType.UInt16, 2, 1, true },
        { "cp_zip_u16", TiffPixelType.UInt16, 2, 1, true },
        { "cp_tiled_u16", TiffPixelType.UInt16, 2, 1, true },
        { "cp_big_lzw_tiled_u16", TiffPixelType.UInt16, 2, 1, true },
        { "cp_lzw3_f32", TiffPixelType.Float32, 2, 1, true },
    };

    private static string Kind(TiffPixelType t) => t switch
    {
        TiffPixelType.UInt8 => "u8", TiffPixelType.Int8 => "i8", TiffPixelType.UInt16 => "u16", TiffPixelType.Int16 => "i16",
        TiffPixelType.UInt32 => "u32", TiffPixelType.Int32 => "i32", _ => "f32",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Open_IndependentWriter_EveryVoxelAndCalibration(string name, TiffPixelType type, int channels, int frames, bool calibrated)
    {
        using var s = TiffStack.Open(files[name + ".tif"]);
        Assert.Equal(type, s.PixelType);
        Assert.Equal(new ZyxInt(IndependentTiffFiles.Z, IndependentTiffFiles.Y, IndependentTiffFiles.X), s.Shape);
        Assert.Equal((channels, frames), (s.Channels, s.Frames));
        Assert.Equal(calibrated ? new Zyx(2, 0.5, 0.25) : Zyx.All(1), s.ResolutionUm);
        string kind = Kind(type);
        var plane = new float[s.Shape.Y * s.Shape.X];
        for (int t = 0; t < frames; t++)
        for (int z = 0; z < s.Shape.Z; z++)
        for (int c = 0; c < channels; c++)
        {
            s.ReadPlaneAsFloat(c, z, plane, t);
            for (int y = 0; y < s.Shape.Y; y++)
            for (int x = 0; x < s.Shape.X; x++)
                Assert.True(IndependentTiffFiles.Value(kind, c, t, z, y, x) == plane[y * s.Shape.X + x], $"{name} c{c} t{t} z{z} y{y} x{x}: {plane[y * s.Shape.X + x]}");
        }
    }

    [Theory]
    [InlineData("ij_hs_u16")]
    [InlineData("cp_tiled_u16")]
    [InlineData("cp_big_lzw_tiled_u16")]
    [InlineData("tf_rps5_u16")]
    public void ReadBlock_IndependentWriter_EqualsPlaneCrop(string name)
    {
        using var s = TiffStack.Open(files[name + ".tif"]);
        var offset = new ZyxInt(1, 13, 9);
        var size = new ZyxInt(2, 20, 30);
        var block = new ushort[size.Volume];
        s.ReadBlock<ushort>(s.Channels - 1, offset, size, block);
        var lazy = s.Channel<ushort>(s.Channels - 1);
        for (int dz = 0; dz < size.Z; dz++)
        {
            var plane = lazy.Plane(offset.Z + dz).ToArray();
            for (int dy = 0; dy < size.Y; dy++)
            for (int dx = 0; dx < size.X; dx++)
                Assert.Equal(plane[(offset.Y + dy) * s.Shape.X + offset.X + dx], block[(dz * size.Y + dy) * size.X + dx]);
        }
    }

    [Fact]
    public void ReadPlane_WrongType_ThrowsNamingBoth()
    {
        using var s = TiffStack.Open(files["ij_hs_u16.tif"]);
        var e = Assert.Throws<ArgumentException>(() => s.ReadPlane<float>(0, 0, new float[s.Shape.Y * s.Shape.X]));
        Assert.Contains("UInt16", e.Message);
    }
}
