using System.Buffers.Binary;
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
        if (big)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2), 43);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(4), 8);
            BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(8), 16);
            BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(16), 1);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(24), 270);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(26), 2);
            BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(28), (ulong)count);
            BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(36), (ulong)offset);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2), 42);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), 8);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(8), 1);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(10), 270);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(12), 2);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(14), (uint)count);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(18), (uint)offset);
        }
        return b;
    }
}
