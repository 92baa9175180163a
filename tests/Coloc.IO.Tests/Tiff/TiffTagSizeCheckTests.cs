using System.Diagnostics;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Tiff;

/// <summary>
/// A page header tag claiming more data than the file holds is refused from the claim, before LibTiff.NET allocates
/// for it: at once and without a large allocation.
/// </summary>
public sealed class TiffTagSizeCheckTests
{
    private static string Corpus(string name) => Path.Combine(RepoPaths.RepoRoot, "tests", "fuzz", "tiff", name);

    private static ColocFormatException Refused(string path, long maxAllocatedBytes)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<ColocFormatException>(() => TiffStack.Open(path).Dispose());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < maxAllocatedBytes, $"allocated {allocated} bytes before refusing");
        Assert.StartsWith(path + ": damaged TIFF header: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    [Fact]
    public void Description186Bytes_Claims2147483647Characters_RefusedFromTheClaim()
    {
        string path = Corpus("tag-claims-2147483647-chars.tif");
        Assert.Equal(186, new FileInfo(path).Length);
        var e = Refused(path, 1 << 20);
        Assert.Contains("page 0 tag 270 claims 2147483647 values", e.Message);
        Assert.Contains("186 bytes", e.Message);
    }

    [Fact]
    public void FuzzFound_StringTag1634552064Characters_RefusedFromTheClaim()
    {
        var e = Refused(Corpus("fuzz-oom-ec1dbaa286b65818.tif"), 1 << 20);
        Assert.Contains("tag 18944", e.Message);
    }

    [Theory]
    [InlineData(false, 64L)]          // in bounds by count, but stored beyond the end of the file
    [InlineData(true, 1L << 40)]      // BigTIFF: a 64-bit count
    public void OutOfLineValue_BeyondTheFile_Refused(bool big, long count)
    {
        string dir = RepoPaths.NewTempDir();
        string path = Path.Combine(dir, "t.tif");
        File.WriteAllBytes(path, OneTag(big, count, offset: 40));
        var e = Refused(path, 1 << 20);
        Assert.Contains("tag 270", e.Message);
    }

    /// <summary>A little-endian file whose first page holds one ASCII tag 270 of <paramref name="count"/> characters at <paramref name="offset"/>.</summary>
    private static byte[] OneTag(bool big, long count, long offset)
    {
        var b = new byte[100];
        "II"u8.CopyTo(b);
        int word = big ? 8 : 4, entries = big ? 8 : 2, ifd = big ? 16 : 8;
        Put(b, 2, big ? 43 : 42, 2);
        if (big) Put(b, 4, 8, 2);   // BigTIFF: bytes per offset
        Put(b, big ? 8 : 4, ifd, word);
        Put(b, ifd, 1, entries);
        int e = ifd + entries;
        Put(b, e, 270, 2);
        Put(b, e + 2, 2, 2);
        Put(b, e + 4, count, word);
        Put(b, e + 4 + word, offset, word);
        return b;
    }

    private static void Put(byte[] b, int at, long value, int bytes)
    {
        for (int i = 0; i < bytes; i++) b[at + i] = (byte)(value >> (8 * i));
    }
}
