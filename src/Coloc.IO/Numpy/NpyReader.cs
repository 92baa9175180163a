using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Coloc.IO.Numpy;

/// <summary>
/// Reads numpy's NPY format (versions 1.0, 2.0 and 3.0): the magic <c>\x93NUMPY</c>, two version bytes, the header
/// length (uint16 for 1.0, uint32 for 2.0/3.0, little-endian), the header dict (latin-1, UTF-8 for 3.0), then the raw
/// elements. Object arrays (<c>|O</c>, a pickle) are never read: <see cref="Read"/> returns the header only.
/// Before allocating, the bytes the header's shape needs are checked against the bytes the stream holds, so a
/// damaged header cannot make the reader allocate more than the data.
/// </summary>
public static class NpyReader
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>
    /// Reads one array from <paramref name="stream"/>, which holds <paramref name="length"/> bytes.
    /// Returns the header and the array, or a null array for object dtypes (nothing after the header is read).
    /// </summary>
    /// <param name="stream">Positioned at the magic; need not be seekable.</param>
    /// <param name="length">Total bytes of the NPY data in the stream (e.g. a ZIP member's uncompressed size).</param>
    /// <param name="name">Names the input in error messages (e.g. <c>a.npz: segments.npy</c>).</param>
    /// <exception cref="ColocFormatException">Damaged or unsupported data; the message names <paramref name="name"/> and the problem.</exception>
    public static (NpyHeader Header, NpyArray? Array) Read(Stream stream, long length, string name)
    {
        try
        {
            var header = ReadHeader(stream, length, name);
            if (header.Dtype.IsObject) return (header, null);
            return (header, ReadData(stream, header, length, name));
        }
        catch (EndOfStreamException e)
        {
            throw new ColocFormatException($"{name}: truncated NPY data", e);
        }
        catch (InvalidDataException e)
        {
            throw new ColocFormatException($"{name}: damaged compressed data ({e.Message})", e);
        }
    }

    /// <summary>Reads an NPY file from disk.</summary>
    public static NpyArray? ReadFile(string path)
    {
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return Read(fs, fs.Length, path).Array;
        }
        catch (IOException e) when (e is not EndOfStreamException)
        {
            throw new ColocFormatException($"{path}: cannot read ({e.Message})", e);
        }
    }

    /// <summary>Reads and checks the magic, version and header dict.</summary>
    public static NpyHeader ReadHeader(Stream stream, long length, string name)
    {
        if (length < 10) throw new ColocFormatException($"{name}: too short for an NPY array ({length} bytes)");
        Span<byte> pre = stackalloc byte[12];
        stream.ReadExactly(pre[..8]);
        if (!pre[..6].SequenceEqual(Magic)) throw new ColocFormatException($"{name}: not an NPY array (bad magic)");
        int major = pre[6], minor = pre[7];
        long headerLen;
        int prefix;
        if (major == 1)
        {
            stream.ReadExactly(pre.Slice(8, 2));
            headerLen = BinaryPrimitives.ReadUInt16LittleEndian(pre.Slice(8, 2));
            prefix = 10;
        }
        else if (major is 2 or 3)
        {
            if (length < 12) throw new ColocFormatException($"{name}: too short for an NPY {major}.0 array");
            stream.ReadExactly(pre.Slice(8, 4));
            headerLen = BinaryPrimitives.ReadUInt32LittleEndian(pre.Slice(8, 4));
            prefix = 12;
        }
        else throw new ColocFormatException($"{name}: unsupported NPY format version {major}.{minor}");
        if (minor != 0) throw new ColocFormatException($"{name}: unsupported NPY format version {major}.{minor}");
        if (headerLen > length - prefix)
            throw new ColocFormatException($"{name}: NPY header length {headerLen} exceeds the {length - prefix} bytes left");
        var buf = new byte[headerLen];
        stream.ReadExactly(buf);
        string text;
        try
        {
            text = major == 3
                ? new UTF8Encoding(false, true).GetString(buf)
                : Encoding.Latin1.GetString(buf);
        }
        catch (DecoderFallbackException e) { throw new ColocFormatException($"{name}: NPY header is not valid UTF-8", e); }
        (string descr, bool fortran, long[] shape) parsed;
        try { parsed = NpyHeaderText.Parse(text); }
        catch (FormatException e) { throw new ColocFormatException($"{name}: garbled NPY header ({e.Message})", e); }
        var dtype = NpyDtype.TryParse(parsed.descr, out string problem)
            ?? throw new ColocFormatException($"{name}: {problem}");
        return new NpyHeader(major, minor, dtype, parsed.fortran, parsed.shape, prefix + headerLen);
    }

    private static NpyArray ReadData(Stream stream, NpyHeader h, long length, string name)
    {
        long available = length - h.DataOffset;
        long? count = h.ElementCount;
        long? bytes = null;
        if (count is long c)
        {
            try { bytes = checked(c * h.Dtype.ItemSize); } catch (OverflowException) { }
        }
        string shapeText = "(" + string.Join(", ", h.Shape) + ")";
        if (bytes is null || bytes > available)
            throw new ColocFormatException(
                $"{name}: shape {shapeText} of {h.Dtype.Descr} needs {(bytes is long b ? b.ToString() : "more than 2^63")} bytes, the array holds {available}");
        int n = count > Array.MaxLength || (h.Dtype.Kind != 'U' && bytes > int.MaxValue)
            ? throw new ColocFormatException($"{name}: shape {shapeText} is too large to read")
            : (int)count!.Value;
        Array data = (h.Dtype.Kind, h.Dtype.ItemSize) switch
        {
            ('f', 8) => ReadPrimitive<double>(stream, n, h.Dtype.BigEndian),
            ('f', 4) => ReadPrimitive<float>(stream, n, h.Dtype.BigEndian),
            ('i', 8) => ReadPrimitive<long>(stream, n, h.Dtype.BigEndian),
            ('i', 4) => ReadPrimitive<int>(stream, n, h.Dtype.BigEndian),
            ('i', 2) => ReadPrimitive<short>(stream, n, h.Dtype.BigEndian),
            ('i', 1) => ReadPrimitive<sbyte>(stream, n, false),
            ('u', 8) => ReadPrimitive<ulong>(stream, n, h.Dtype.BigEndian),
            ('u', 4) => ReadPrimitive<uint>(stream, n, h.Dtype.BigEndian),
            ('u', 2) => ReadPrimitive<ushort>(stream, n, h.Dtype.BigEndian),
            ('u', 1) => ReadPrimitive<byte>(stream, n, false),
            ('b', 1) => Array.ConvertAll(ReadPrimitive<byte>(stream, n, false), v => v != 0),
            ('U', _) => ReadText(stream, n, h.Dtype.ItemSize / 4, h.Dtype.BigEndian, name),
            _ => throw new ColocFormatException($"{name}: unsupported dtype '{h.Dtype.Descr}'"),
        };
        if (h.FortranOrder && h.Shape.Count > 1) data = FortranToC(data, h.Dtype, h.Shape);
        return new NpyArray(h.Dtype, h.Shape, data, h.FortranOrder);
    }

    private static T[] ReadPrimitive<T>(Stream s, int n, bool bigEndian) where T : unmanaged
    {
        var a = new T[n];
        var bytes = MemoryMarshal.AsBytes(a.AsSpan());
        s.ReadExactly(bytes);
        if (bigEndian == BitConverter.IsLittleEndian)
        {
            int size = Marshal.SizeOf<T>();
            for (int i = 0; i < bytes.Length; i += size) bytes.Slice(i, size).Reverse();
        }
        return a;
    }

    private static string[] ReadText(Stream s, int n, int chars, bool bigEndian, string name)
    {
        var result = new string[n];
        var item = new byte[chars * 4];
        var sb = new StringBuilder(chars);
        for (int k = 0; k < n; k++)
        {
            s.ReadExactly(item);
            sb.Clear();
            for (int j = 0; j < chars; j++)
            {
                var cp = item.AsSpan(j * 4, 4);
                uint v = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(cp) : BinaryPrimitives.ReadUInt32LittleEndian(cp);
                if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
                    throw new ColocFormatException($"{name}: invalid character U+{v:X} in text array");
                sb.Append(char.ConvertFromUtf32((int)v));
            }
            int len = sb.Length;
            while (len > 0 && sb[len - 1] == '\0') len--;
            result[k] = sb.ToString(0, len);
        }
        return result;
    }

    // Dispatch on the dtype, not on array type patterns (a long[] also matches a ulong[] pattern).
    private static Array FortranToC(Array src, NpyDtype dt, IReadOnlyList<long> shape) => (dt.Kind, dt.ItemSize) switch
    {
        ('f', 8) => FortranToC((double[])src, shape),
        ('f', 4) => FortranToC((float[])src, shape),
        ('i', 8) => FortranToC((long[])src, shape),
        ('i', 4) => FortranToC((int[])src, shape),
        ('i', 2) => FortranToC((short[])src, shape),
        ('i', 1) => FortranToC((sbyte[])src, shape),
        ('u', 8) => FortranToC((ulong[])src, shape),
        ('u', 4) => FortranToC((uint[])src, shape),
        ('u', 2) => FortranToC((ushort[])src, shape),
        ('u', 1) => FortranToC((byte[])src, shape),
        ('b', 1) => FortranToC((bool[])src, shape),
        ('U', _) => FortranToC((string[])src, shape),
        _ => throw new InvalidOperationException("unexpected element type"),
    };

    /// <summary>Reorders column-major elements (first index fastest) into row-major (last index fastest).</summary>
    private static T[] FortranToC<T>(T[] src, IReadOnlyList<long> shape)
    {
        int nd = shape.Count;
        var dst = new T[src.Length];
        if (src.Length == 0) return dst;
        if (nd == 2)
        {
            int rows = (int)shape[0], cols = (int)shape[1];
            for (int r = 0; r < rows; r++)
            {
                var row = dst.AsSpan(r * cols, cols);
                for (int c = 0; c < cols; c++) row[c] = src[c * rows + r];
            }
            return dst;
        }
        // Fortran strides: stride[0] = 1, stride[k] = stride[k-1] * shape[k-1]
        var fStride = new long[nd];
        fStride[0] = 1;
        for (int k = 1; k < nd; k++) fStride[k] = fStride[k - 1] * shape[k - 1];
        var idx = new long[nd];
        long fPos = 0;
        for (int cPos = 0; cPos < src.Length; cPos++)
        {
            dst[cPos] = src[fPos];
            // advance the C-order multi-index (last index fastest), keeping fPos in step
            for (int k = nd - 1; k >= 0; k--)
            {
                idx[k]++;
                fPos += fStride[k];
                if (idx[k] < shape[k]) break;
                fPos -= fStride[k] * idx[k];
                idx[k] = 0;
            }
        }
        return dst;
    }
}
