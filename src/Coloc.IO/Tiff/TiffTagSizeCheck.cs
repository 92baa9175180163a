using System.Buffers.Binary;

namespace Coloc.IO.Tiff;

/// <summary>
/// Refuses a TIFF whose page headers claim more data than the file holds, before any reader allocates for it: walks the
/// page (IFD) chain of a classic or Big TIFF and checks every tag's claimed size (count × the size of its type) and,
/// for a value stored out of line, its offset against the file length. LibTiff.NET materializes a tag's whole value
/// while reading a page header, so a damaged count (a string "of" 2³¹ characters in a file of a few hundred bytes)
/// would otherwise allocate gigabytes first. Reads a few bytes per page; the chain's own damage (a loop, a page beyond
/// the file) is left to the reader, which names it.
/// </summary>
internal static class TiffTagSizeCheck
{
    /// <summary>Checks <paramref name="file"/> (positioned anywhere; left at 0).</summary>
    /// <exception cref="ColocFormatException">A tag claims more bytes than the file has, or lies beyond its end.</exception>
    public static void Check(Stream file, string path)
    {
        try
        {
            Walk(file, path);
        }
        finally
        {
            file.Position = 0;
        }
    }

    private static void Walk(Stream file, string path)
    {
        long length = file.Length;
        Span<byte> head = stackalloc byte[16];
        if (!ReadAt(file, 0, head)) return;
        bool little = head[0] == 'I' && head[1] == 'I';
        if (!little && !(head[0] == 'M' && head[1] == 'M')) return;
        int version = U16(head[2..], little);
        bool big = version == 43;
        if (!big && version != 42) return;
        long ifd = big ? (long)Math.Min(U64(head[8..], little), long.MaxValue) : U32(head[4..], little);
        int entrySize = big ? 20 : 12, countSize = big ? 8 : 2, inline = big ? 8 : 4;
        var seen = new HashSet<long>();
        Span<byte> entry = stackalloc byte[20];
        for (int page = 0; ifd > 0 && ifd < length && seen.Add(ifd); page++)
        {
            if (!ReadAt(file, ifd, head[..countSize])) return;
            ulong entries = big ? U64(head, little) : U16(head, little);
            if (entries > (ulong)((length - ifd - countSize) / entrySize))
                throw Fail(path, $"page {page} claims {entries} tags at offset {ifd}, more than the file's {length} bytes hold");
            long at = ifd + countSize;
            for (ulong k = 0; k < entries; k++, at += entrySize)
            {
                if (!ReadAt(file, at, entry[..entrySize])) return;
                int tag = U16(entry, little), type = U16(entry[2..], little);
                ulong count = big ? U64(entry[4..], little) : U32(entry[4..], little);
                ulong claimed = count > (ulong)length ? ulong.MaxValue : count * (ulong)TypeBytes(type);
                if (claimed > (ulong)length)
                    throw Fail(path, $"page {page} tag {tag} claims {count} values{(claimed == ulong.MaxValue ? "" : $" ({claimed} bytes)")}, more than the file's {length} bytes");
                if (claimed <= (ulong)inline) continue;
                ulong offset = big ? U64(entry[12..], little) : U32(entry[8..], little);
                if (offset > (ulong)length || claimed > (ulong)length - offset)
                    throw Fail(path, $"page {page} tag {tag} claims {claimed} bytes at offset {offset}, beyond the file's {length} bytes");
            }
            if (!ReadAt(file, at, head[..(big ? 8 : 4)])) return;
            ifd = big ? (long)Math.Min(U64(head, little), long.MaxValue) : U32(head, little);
        }
    }

    /// <summary>Bytes per value of a TIFF field type; 1 for a type this check does not know (a lower bound).</summary>
    private static int TypeBytes(int type) => type switch
    {
        3 or 8 => 2,
        4 or 9 or 11 or 13 => 4,
        5 or 10 or 12 or 16 or 17 or 18 => 8,
        _ => 1,
    };

    private static bool ReadAt(Stream file, long offset, Span<byte> into)
    {
        if (offset < 0 || offset + into.Length > file.Length) return false;
        file.Position = offset;
        file.ReadExactly(into);
        return true;
    }

    private static ushort U16(ReadOnlySpan<byte> b, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b) : BinaryPrimitives.ReadUInt16BigEndian(b);

    private static uint U32(ReadOnlySpan<byte> b, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b) : BinaryPrimitives.ReadUInt32BigEndian(b);

    private static ulong U64(ReadOnlySpan<byte> b, bool little) =>
        little ? BinaryPrimitives.ReadUInt64LittleEndian(b) : BinaryPrimitives.ReadUInt64BigEndian(b);

    private static ColocFormatException Fail(string path, string problem) =>
        new($"{path}: damaged TIFF header: {problem}");
}
