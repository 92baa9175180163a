using System.Buffers.Binary;
using Coloc.Core.Geometry;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Tiff;

/// <summary>Damaged and unsupported files: one clear ColocFormatException naming the file, never a hang, crash or wrong pixels.</summary>
public sealed class DamagedTiffTests : IDisposable
{
    private static readonly ZyxInt Shape = new(3, 37, 45);
    private readonly string _dir = RepoPaths.NewTempDir();

    public void Dispose() => Directory.Delete(_dir, true);

    private string Good(string name, TiffWriteOptions? options = null)
    {
        string path = Path.Combine(_dir, name);
        TiffStackWriter.Write<ushort>(path, Shape, 2, 1, (c, z, _, dst) =>
        {
            for (int i = 0; i < dst.Length; i++) dst[i] = (ushort)(c * 1000 + z * 100 + i % 97);
        }, options);
        return path;
    }

    private string Mutate(string source, string name, Func<byte[], byte[]> f)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, f(File.ReadAllBytes(source)));
        return path;
    }

    /// <summary>Opens the file and reads every plane of every channel and frame.</summary>
    private static void ReadAll(string path)
    {
        using var s = TiffStack.Open(path);
        var plane = new float[s.Shape.Y * s.Shape.X];
        for (int t = 0; t < s.Frames; t++)
        for (int z = 0; z < s.Shape.Z; z++)
        for (int c = 0; c < s.Channels; c++)
            s.ReadPlaneAsFloat(c, z, plane, t);
    }

    private static void AssertFails(string path, string phrase)
    {
        var e = Assert.Throws<ColocFormatException>(() => ReadAll(path));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains(phrase, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Offsets of the IFDs of a little-endian classic TIFF.</summary>
    private static List<long> Ifds(byte[] b)
    {
        var r = new List<long>();
        long o = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(4));
        while (o != 0 && r.Count < 1000)
        {
            r.Add(o);
            int n = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan((int)o));
            o = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan((int)o + 2 + 12 * n));
        }
        return r;
    }

    /// <summary>Offset and byte count of the single strip of page <paramref name="page"/> (values inline in the IFD).</summary>
    private static (uint Start, uint Count) Strip(byte[] b, int page)
    {
        int ifd = (int)Ifds(b)[page];
        int n = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(ifd));
        uint start = 0, count = 0;
        for (int i = 0; i < n; i++)
        {
            int e = ifd + 2 + 12 * i;
            ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(e));
            if (tag == 273) start = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(e + 8));
            if (tag == 279) count = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(e + 8));
        }
        return (start, count);
    }

    [Fact]
    public void Open_EmptyFile_NotATiff() => AssertFails(Mutate(Good("a.tif"), "empty.tif", _ => []), "not a TIFF");

    [Fact]
    public void Open_PngBytes_NotReadable() =>
        AssertFails(Mutate(Good("a.tif"), "png.tif", _ => [0x89, .. "PNG\r\n\u001a\n"u8, .. new byte[200]]), "not a readable TIFF");

    [Fact]
    public void Open_MissingFile_CannotOpen() => AssertFails(Path.Combine(_dir, "nothing.tif"), "cannot open");

    [Theory]
    [InlineData(8)]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.95)]
    [InlineData(0.999)]
    public void Read_TruncatedHyperstack_Fails(double keep)
    {
        string good = Good("a.tif");
        string path = Mutate(good, $"cut{keep}.tif", b => b[..(keep > 1 ? (int)keep : (int)(b.Length * keep))]);
        var e = Assert.Throws<ColocFormatException>(() => ReadAll(path));
        Assert.StartsWith(path + ": ", e.Message);
    }

    [Theory]
    [InlineData(TiffCompression.Lzw)]
    [InlineData(TiffCompression.Deflate)]
    [InlineData(TiffCompression.PackBits)]
    public void Read_TruncatedCompressedPage_Fails(TiffCompression compression)
    {
        string good = Good("c.tif", new TiffWriteOptions { Compression = compression });
        var ifds = Ifds(File.ReadAllBytes(good));
        // Cut inside the last page's pixel data: pixel data precedes each IFD; keep all IFDs but shorten the file
        // to 97 % of the distance between the last two IFDs.
        string path = Mutate(good, "cutc.tif", b => b[..(int)(ifds[^2] + (ifds[^1] - ifds[^2]) * 0.97)]);
        var e = Assert.Throws<ColocFormatException>(() => ReadAll(path));
        Assert.StartsWith(path + ": ", e.Message);
    }

    /// <summary>
    /// A compressed strip whose byte count is cut to a fraction: the decoder runs out of data inside the strip. LibTiff.NET
    /// only warns for LZW and fills the rest with zeros; TiffStack refuses it like the other codecs.
    /// </summary>
    [Theory]
    [InlineData(TiffCompression.Lzw, 0.5)]
    [InlineData(TiffCompression.Lzw, 0.9)]
    [InlineData(TiffCompression.Deflate, 0.5)]
    [InlineData(TiffCompression.PackBits, 0.5)]
    public void Read_CompressedStripCutShort_Fails(TiffCompression compression, double keep)
    {
        string good = Good($"s{compression}.tif", new TiffWriteOptions { Compression = compression });
        string path = Mutate(good, $"short{compression}{keep}.tif", b =>
        {
            int ifd = (int)Ifds(b)[3];
            int n = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(ifd));
            for (int i = 0; i < n; i++)
            {
                int e = ifd + 2 + 12 * i;
                if (BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(e)) != 279) continue;
                uint count = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(e + 8));
                BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(e + 8), (uint)(count * keep));
            }
            return b;
        });
        AssertFails(path, "strip");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 0)]
    [InlineData(5, 32)]
    public void Read_FlippedBytesInDeflateData_Fails(int page, int tile)
    {
        // Deflate streams end with an Adler-32 of the data; LibTiff.NET stops before it, so TiffStack checks it.
        string good = Good($"z{page}_{tile}.tif", new TiffWriteOptions { Compression = TiffCompression.Deflate, TileSize = tile });
        string path = Mutate(good, $"flip{page}_{tile}.tif", b =>
        {
            var (start, count) = tile == 0 ? Strip(b, page) : (0u, 0u);
            if (tile > 0)
            {
                var ifds = Ifds(b);   // tiles: damage the middle of the bytes between this page's IFD and the previous one
                start = (uint)(page == 0 ? 8 : ifds[page - 1] + 200);
                count = (uint)ifds[page] - start;
            }
            Assert.True(count > 100);
            for (uint i = start + count / 2; i < start + count / 2 + 8; i++) b[i] ^= 0x55;
            return b;
        });
        var e = Assert.Throws<ColocFormatException>(() => ReadAll(path));
        Assert.StartsWith($"{path}: page {page} ", e.Message);
    }

    [Fact]
    public void Colocalize_DamagedPageTwoThreads_ThrowsFormatErrorNotAggregate()
    {
        string good = Good("t.tif", new TiffWriteOptions { Compression = TiffCompression.Deflate });
        string path = Mutate(good, "fart.tif", b =>
        {
            int ifd = (int)Ifds(b)[5];   // z = 2, channel 1: its strip now starts beyond the end of the file
            int n = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(ifd));
            for (int i = 0; i < n; i++)
                if (BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(ifd + 2 + 12 * i)) == 273)
                    BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(ifd + 2 + 12 * i + 8), 0x7FFF0000);
            return b;
        });
        using var s = TiffStack.Open(path);
        var blobs = new[] { new Coloc.Core.Blobs.Blob(2, 10, 10, 3, -1, -1, 0), new Coloc.Core.Blobs.Blob(2, 20, 20, 3, -1, -1, 1) };
        var e = Assert.Throws<ColocFormatException>(() => Coloc.Core.Intensity.IntensityColocalizer.Run(
            [s.Channel<ushort>(0), s.Channel<ushort>(1)], blobs, new Coloc.Core.Intensity.IntensityColocOptions { Threads = 2 }));
        Assert.StartsWith(path + ": ", e.Message);
    }

    [Fact]
    public void Open_IfdChainLoops_FailsInsteadOfHanging()
    {
        string path = Mutate(Good("a.tif"), "loop.tif", b =>
        {
            var ifds = Ifds(b);
            int last = (int)ifds[^1];
            int n = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(last));
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(last + 2 + 12 * n), (uint)ifds[1]);
            return b;
        });
        var e = Assert.Throws<ColocFormatException>(() => ReadAll(path));
        Assert.StartsWith(path + ": ", e.Message);
    }

    [Fact]
    public void Read_StripOffsetBeyondEnd_Fails()
    {
        string path = Mutate(Good("a.tif"), "far.tif", b =>
        {
            int ifd = (int)Ifds(b)[2];
            int n = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(ifd));
            for (int i = 0; i < n; i++)
            {
                int e = ifd + 2 + 12 * i;
                if (BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(e)) == 273)   // StripOffsets, one strip: inline value
                    BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(e + 8), 0x7FFF0000);
            }
            return b;
        });
        AssertFails(path, "page 2");
    }

    [Fact]
    public void Open_ImageJHeaderCountsDoNotFitPages_Fails()
    {
        string path = Path.Combine(_dir, "count.tif");
        ExternalTool.Python3("""
            import sys, numpy as np, tifffile
            tifffile.imwrite(sys.argv[1], np.zeros((6, 8, 8), 'u2'), photometric='minisblack', metadata=None,
                             description='ImageJ=1.53t\nimages=10\nchannels=2\nslices=5\nhyperstack=true\n')
            """, path);
        AssertFails(path, "images=10");
    }

    [Theory]
    [InlineData("rgb", "3 samples per pixel")]
    [InlineData("f64", "64 bits per sample")]
    [InlineData("sizes", "all pages must match")]
    [InlineData("badcount", "channels=3")]
    public void Open_UnsupportedLayout_Fails(string kind, string phrase)
    {
        string path = Path.Combine(_dir, kind + ".tif");
        ExternalTool.Python3("""
            import sys, numpy as np, tifffile
            p, k = sys.argv[1], sys.argv[2]
            if k == 'rgb': tifffile.imwrite(p, np.zeros((8, 8, 3), 'u1'), photometric='rgb')
            if k == 'f64': tifffile.imwrite(p, np.zeros((2, 8, 8), 'f8'), photometric='minisblack', metadata=None)
            if k == 'sizes':
                tifffile.imwrite(p, np.zeros((8, 8), 'u2'), photometric='minisblack', metadata=None)
                tifffile.imwrite(p, np.zeros((9, 8), 'u2'), photometric='minisblack', metadata=None, append=True)
            if k == 'badcount':
                tifffile.imwrite(p, np.zeros((4, 8, 8), 'u2'), photometric='minisblack', metadata=None,
                                 description='ImageJ=1.53t\nimages=4\nchannels=3\nslices=2\n')
            """, path, kind);
        AssertFails(path, phrase);
    }

    [Fact]
    public void Open_UnknownTag_WarningGoesToCallbackNotStderr()
    {
        string path = Path.Combine(_dir, "tag.tif");
        ExternalTool.Python3("""
            import sys, numpy as np, tifffile
            tifffile.imwrite(sys.argv[1], np.zeros((2, 8, 8), 'u2'), photometric='minisblack', metadata=None,
                             extratags=[(65000, 's', 0, 'hello', True)])
            """, path);
        var warnings = new List<string>();
        using var s = TiffStack.Open(path, warnings.Add);
        Assert.Equal(2, s.Shape.Z);
        Assert.Contains(warnings, w => w.StartsWith(path + ": ", StringComparison.Ordinal) && w.Contains("65000", StringComparison.Ordinal));
    }
}
