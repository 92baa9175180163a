using System.Text;
using Coloc.IO.Numpy;

namespace Coloc.IO.Tests.Numpy;

/// <summary>The NPY reader: every supported dtype, format versions 1.0-3.0, C and Fortran order, 0-d arrays, and one clear error on damaged input.</summary>
public sealed class NpyReaderTests
{
    private static NpyArray Read(byte[] npy, string name = "t.npy")
    {
        var (_, a) = NpyReader.Read(new MemoryStream(npy), npy.Length, name);
        return a!;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Reads_format_versions(int major)
    {
        var a = Read(NpyBytes.Npy(NpyBytes.Header("<f8", false, 2, 2), NpyBytes.Doubles(1, 2.5, -3, 4e-300), major));
        Assert.Equal(new[] { 1, 2.5, -3, 4e-300 }, a.ToDoubles());
        Assert.Equal(new long[] { 2, 2 }, a.Shape);
    }

    [Fact]
    public void Reads_fortran_order_as_c_order_in_2d_and_3d()
    {
        // numpy: np.arange(6).reshape(2, 3) in F order is stored 0 3 1 4 2 5
        var a = Read(NpyBytes.Npy(NpyBytes.Header("<f8", true, 2, 3), NpyBytes.Doubles(0, 3, 1, 4, 2, 5)));
        Assert.Equal(new double[] { 0, 1, 2, 3, 4, 5 }, a.ToDoubles());
        Assert.True(a.StoredFortranOrder);
        // shape (2, 3, 4): element [i, j, k] = 12i + 4j + k stored with i fastest, then j, then k
        var f = new List<double>();
        for (int k = 0; k < 4; k++) for (int j = 0; j < 3; j++) for (int i = 0; i < 2; i++) f.Add(12 * i + 4 * j + k);
        var b = Read(NpyBytes.Npy(NpyBytes.Header("<i8", true, 2, 3, 4), [.. f.SelectMany(v => BitConverter.GetBytes((long)v))]));
        Assert.Equal(Enumerable.Range(0, 24).Select(v => (long)v), b.ToInt64s()!);
    }

    [Fact]
    public void Reads_each_integer_and_float_dtype()
    {
        Assert.Equal(new long[] { -2, 7 }, Read(NpyBytes.Npy(NpyBytes.Header("<i4", false, 2), [.. BitConverter.GetBytes(-2), .. BitConverter.GetBytes(7)])).ToInt64s()!);
        Assert.Equal(new long[] { 5, 9 }, Read(NpyBytes.Npy(NpyBytes.Header("<i8", false, 2), [.. BitConverter.GetBytes(5L), .. BitConverter.GetBytes(9L)])).ToInt64s()!);
        Assert.Equal(new long[] { 65535, 1 }, Read(NpyBytes.Npy(NpyBytes.Header("<u2", false, 2), [0xFF, 0xFF, 1, 0])).ToInt64s()!);
        Assert.Equal(new long[] { 4000000000, 3 }, Read(NpyBytes.Npy(NpyBytes.Header("<u4", false, 2), [.. BitConverter.GetBytes(4000000000u), .. BitConverter.GetBytes(3u)])).ToInt64s()!);
        Assert.Equal(new long[] { 255, 0, 1 }, Read(NpyBytes.Npy(NpyBytes.Header("|u1", false, 3), [255, 0, 1])).ToInt64s()!);
        Assert.Equal(new double[] { 0.5, -1.25 }, Read(NpyBytes.Npy(NpyBytes.Header("<f4", false, 2), [.. BitConverter.GetBytes(0.5f), .. BitConverter.GetBytes(-1.25f)])).ToDoubles());
        Assert.Equal(new double[] { 258 }, Read(NpyBytes.Npy(NpyBytes.Header(">i2", false, 1), [1, 2])).ToDoubles());
    }

    [Fact]
    public void Reads_0d_arrays_and_text()
    {
        var v = Read(NpyBytes.Npy("{'descr': '<i8', 'fortran_order': False, 'shape': (), }", BitConverter.GetBytes(5L)));
        Assert.Empty(v.Shape);
        Assert.Equal(new long[] { 5 }, v.ToInt64s()!);
        // '<U5' holding "abµ" (UTF-32 little-endian, NUL padded)
        var text = Encoding.UTF32.GetBytes("abµ\0\0");
        var s = Read(NpyBytes.Npy("{'descr': '<U5', 'fortran_order': False, 'shape': (), }", text));
        Assert.Equal(new[] { "abµ" }, s.ToStrings()!);
    }

    [Fact]
    public void Object_arrays_return_the_header_only()
    {
        var pickle = new byte[] { 0x80, 0x04, 0x4E, 0x2E }; // pickle protocol 4 of None
        var npy = NpyBytes.Npy("{'descr': '|O', 'fortran_order': False, 'shape': (), }", pickle);
        var (h, a) = NpyReader.Read(new MemoryStream(npy), npy.Length, "o.npy");
        Assert.True(h.Dtype.IsObject);
        Assert.Null(a);
    }

    public static TheoryData<string, byte[], string> Damaged()
    {
        var good = NpyBytes.Npy(NpyBytes.Header("<f8", false, 3), NpyBytes.Doubles(1, 2, 3));
        var badMagic = (byte[])good.Clone(); badMagic[1] = (byte)'X';
        var badVersion = (byte[])good.Clone(); badVersion[6] = 9;
        var hugeHeaderLen = (byte[])good.Clone(); hugeHeaderLen[8] = 0xFF; hugeHeaderLen[9] = 0xFF;
        return new TheoryData<string, byte[], string>
        {
            { "data shorter than the shape", good[..^5], "needs 24 bytes, the array holds 19" },
            { "truncated header", good[..40], "header length" },
            { "too short", good[..7], "too short" },
            { "bad magic", badMagic, "bad magic" },
            { "bad version", badVersion, "version 9.0" },
            { "header length beyond the data", hugeHeaderLen, "header length" },
            { "garbled header", NpyBytes.Npy("{'descr': '<f8', 'fortran_order': Maybe, 'shape': (3,), }", NpyBytes.Doubles(1, 2, 3)), "garbled NPY header" },
            { "not a dict", NpyBytes.Npy("__import__('os').system('true')", NpyBytes.Doubles(1, 2, 3)), "garbled NPY header" },
            { "missing key", NpyBytes.Npy("{'descr': '<f8', 'shape': (3,), }", NpyBytes.Doubles(1, 2, 3)), "garbled NPY header" },
            { "extra key", NpyBytes.Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'x': 1}", NpyBytes.Doubles(1, 2, 3)), "garbled NPY header" },
            { "structured dtype", NpyBytes.Npy("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (3,), }", NpyBytes.Doubles(1, 2, 3)), "structured" },
            { "unsupported dtype", NpyBytes.Npy(NpyBytes.Header("<c16", false, 1), new byte[16]), "unsupported dtype '<c16'" },
            { "shape larger than data", NpyBytes.Npy(NpyBytes.Header("<f8", false, 1000000000, 1000), NpyBytes.Doubles(1, 2, 3)), "needs 8000000000000 bytes, the array holds 24" },
            { "zero-width text with a huge shape", NpyBytes.Npy(NpyBytes.Header("<U0", false, 2000000000), []), "unsupported dtype '<U0'" },
            { "shape overflowing", NpyBytes.Npy(NpyBytes.Header("<f8", false, 999999999999999999, 999999999999999999), NpyBytes.Doubles(1)), "needs more than 2^63 bytes" },
        };
    }

    [Fact]
    public void A_stream_shorter_than_its_declared_length_is_reported_truncated()
    {
        var good = NpyBytes.Npy(NpyBytes.Header("<f8", false, 3), NpyBytes.Doubles(1, 2, 3));
        var e = Assert.Throws<ColocFormatException>(() => NpyReader.Read(new MemoryStream(good[..^5]), good.Length, "short.npy"));
        Assert.Equal("short.npy: truncated NPY data", e.Message);
    }

    [Fact]
    public void Fortran_order_keeps_unsigned_element_types()
    {
        var a = NpyReader.Read(new MemoryStream(NpyBytes.Npy(NpyBytes.Header("<u2", true, 2, 2), [0xFF, 0xFF, 1, 0, 2, 0, 3, 0])), 200, "u.npy").Array!;
        Assert.IsType<ushort[]>(a.Data);
        Assert.Equal(new long[] { 65535, 2, 1, 3 }, a.ToInt64s()!);
    }

    [Theory]
    [MemberData(nameof(Damaged))]
    public void Damaged_input_gives_one_message_naming_the_input(string what, byte[] npy, string problem)
    {
        var e = Assert.Throws<ColocFormatException>(() => NpyReader.Read(new MemoryStream(npy), npy.Length, "damaged.npy"));
        Assert.StartsWith("damaged.npy: ", e.Message);
        Assert.Contains(problem, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.False(string.IsNullOrEmpty(what));
    }
}
