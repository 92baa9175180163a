using System.Buffers.Binary;

namespace Coloc.IO.Labels;

/// <summary>
/// Decodes raw integer elements (x fastest, then y, then z — the layout of MetaImage and NIfTI, which is also our
/// z,y,x C order) into <see cref="long"/> label ids, reading the stream in chunks.
/// </summary>
internal static class LabelVolumeDecoder
{
    /// <summary>Reads <paramref name="count"/> elements of <paramref name="type"/> from <paramref name="s"/>.</summary>
    /// <exception cref="ColocFormatException">A float type, an unsigned 64-bit id above 2^63−1, or fewer bytes than needed.</exception>
    public static long[] Read(Stream s, long count, LabelElement type, bool bigEndian, string name)
    {
        if (!type.Integer) throw new ColocFormatException($"{name}: labels must be integers, the file holds {type.Text}");
        var ids = new long[count];
        int size = type.Bytes;
        var buf = new byte[size * 65536];
        long done = 0;
        while (done < count)
        {
            int n = (int)Math.Min(65536, count - done);
            var span = buf.AsSpan(0, n * size);
            try { s.ReadExactly(span); }
            catch (EndOfStreamException e)
            {
                throw new ColocFormatException($"{name}: truncated labels data ({count} voxels of {type.Text} expected)", e);
            }
            for (int i = 0; i < n; i++)
                ids[done + i] = Element(span.Slice(i * size, size), type, bigEndian, name);
            done += n;
        }
        return ids;
    }

    private static long Element(ReadOnlySpan<byte> b, LabelElement t, bool big, string name) => (t.Bytes, t.Signed) switch
    {
        (1, false) => b[0],
        (1, true) => (sbyte)b[0],
        (2, false) => big ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b),
        (2, true) => big ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b),
        (4, false) => big ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b),
        (4, true) => big ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b),
        (8, true) => big ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b),
        (8, false) => Unsigned64(big ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b), name),
        _ => throw new ColocFormatException($"{name}: unsupported labels element size {t.Bytes}"),
    };

    private static long Unsigned64(ulong v, string name) =>
        v <= long.MaxValue ? (long)v : throw new ColocFormatException($"{name}: label id {v} is above 2^63-1");
}
