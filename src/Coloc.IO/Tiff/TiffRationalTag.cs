using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Coloc.IO.Tiff;

/// <summary>
/// Reads one RATIONAL tag (numerator/denominator, two uint32) of an IFD straight from the file, because LibTiff.NET
/// hands rationals back as float and loses digits: MagellanMapper computes the pixel size as denominator / numerator
/// in double, and so do we.
/// </summary>
internal static class TiffRationalTag
{
    /// <summary>The first value of RATIONAL tag <paramref name="tag"/> in the IFD at <paramref name="ifdOffset"/>, or null if absent or unreadable.</summary>
    internal static (uint Numerator, uint Denominator)? Read(SafeFileHandle file, long ifdOffset, int tag)
    {
        try
        {
            Span<byte> head = stackalloc byte[4];
            if (RandomAccess.Read(file, head, 0) != 4) return null;
            bool big = head[0] == (byte)'M';
            int version = U16(head[2..], big);
            bool bigTiff = version == 43;
            int countSize = bigTiff ? 8 : 2, entrySize = bigTiff ? 20 : 12;
            Span<byte> cnt = stackalloc byte[8];
            if (RandomAccess.Read(file, cnt[..countSize], ifdOffset) != countSize) return null;
            long count = bigTiff ? (long)U64(cnt, big) : U16(cnt, big);
            if (count <= 0 || count > 4096) return null;
            var entries = new byte[count * entrySize];
            if (RandomAccess.Read(file, entries, ifdOffset + countSize) != entries.Length) return null;
            for (int i = 0; i < count; i++)
            {
                var e = entries.AsSpan(i * entrySize, entrySize);
                if (U16(e, big) != tag) continue;
                if (U16(e[2..], big) != 5) return null;   // not RATIONAL
                Span<byte> v = stackalloc byte[8];
                if (bigTiff)
                {
                    e.Slice(12, 8).CopyTo(v);             // 8 bytes fit in BigTIFF's value field
                }
                else
                {
                    long at = U32(e[8..], big);
                    if (RandomAccess.Read(file, v, at) != 8) return null;
                }
                return (U32(v, big), U32(v[4..], big));
            }
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static ushort U16(ReadOnlySpan<byte> b, bool big) => big ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);

    private static uint U32(ReadOnlySpan<byte> b, bool big) => big ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);

    private static ulong U64(ReadOnlySpan<byte> b, bool big) => big ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b);
}
