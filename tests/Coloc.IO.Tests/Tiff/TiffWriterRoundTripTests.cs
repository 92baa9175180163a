using Coloc.Core.Geometry;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Tiff;

/// <summary>Our writer read back by our reader and by tifffile.</summary>
public sealed class TiffWriterRoundTripTests
{
    private static ushort Value(int c, int z, int y, int x, int t) => (ushort)(c * 10000 + t * 5000 + z * 300 + y * 17 + x);

    [Theory]
    [InlineData(TiffCompression.None, false, 0, 0)]
    [InlineData(TiffCompression.Lzw, false, 0, 3)]
    [InlineData(TiffCompression.Deflate, true, 0, 0)]
    [InlineData(TiffCompression.PackBits, false, 16, 0)]
    [InlineData(TiffCompression.Deflate, true, 32, 0)]
    public void Write_Hyperstack_ReadsBackIdentically(TiffCompression compression, bool bigTiff, int tile, int rowsPerStrip)
    {
        var dir = RepoPaths.NewTempDir();
        string path = Path.Combine(dir, "h.tif");
        var shape = new ZyxInt(3, 37, 45);
        var options = new TiffWriteOptions { Compression = compression, BigTiff = bigTiff, TileSize = tile, RowsPerStrip = rowsPerStrip, ResolutionUm = new Zyx(2.5, 0.5, 0.25) };
        TiffStackWriter.Write<ushort>(path, shape, 2, 2, (c, z, t, dst) =>
        {
            for (int y = 0; y < shape.Y; y++)
            for (int x = 0; x < shape.X; x++)
                dst[y * shape.X + x] = Value(c, z, y, x, t);
        }, options);

        using (var s = TiffStack.Open(path))
        {
            Assert.Equal(shape, s.Shape);
            Assert.Equal((2, 2), (s.Channels, s.Frames));
            Assert.Equal(new Zyx(2.5, 0.5, 0.25), s.ResolutionUm);
            var plane = new ushort[shape.Y * shape.X];
            for (int t = 0; t < 2; t++)
            for (int z = 0; z < shape.Z; z++)
            for (int c = 0; c < 2; c++)
            {
                s.ReadPlane<ushort>(c, z, plane, t);
                for (int y = 0; y < shape.Y; y++)
                for (int x = 0; x < shape.X; x++)
                    Assert.Equal(Value(c, z, y, x, t), plane[y * shape.X + x]);
            }
            var block = new ushort[2 * 5 * 7];
            s.ReadBlock<ushort>(1, new ZyxInt(1, 30, 20), new ZyxInt(2, 5, 7), block, frame: 1);
            for (int dz = 0; dz < 2; dz++)
            for (int dy = 0; dy < 5; dy++)
            for (int dx = 0; dx < 7; dx++)
                Assert.Equal(Value(1, 1 + dz, 30 + dy, 20 + dx, 1), block[(dz * 5 + dy) * 7 + dx]);
        }
        string info = ExternalTool.Python3("""
            import sys, tifffile
            with tifffile.TiffFile(sys.argv[1]) as f:
                print(f.is_imagej, f.series[0].axes, f.series[0].shape, f.imagej_metadata.get('spacing'), f.imagej_metadata.get('unit'))
                if sys.argv[2] == '1':   # Debian's tifffile decodes Deflate itself; LZW/PackBits need imagecodecs
                    print(int(f.series[0].asarray()[1, 2, 1, 36, 44]))
            """, path, compression is TiffCompression.None or TiffCompression.Deflate ? "1" : "0");
        string pixel = compression is TiffCompression.None or TiffCompression.Deflate ? $"{Value(1, 2, 36, 44, 1)}\n" : "";
        Assert.Equal($"True TZCYX (2, 3, 2, 37, 45) 2.5 micron\n{pixel}", info);
        Directory.Delete(dir, true);
    }
}
