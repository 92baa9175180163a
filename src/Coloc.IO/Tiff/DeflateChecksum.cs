using System.Buffers.Binary;

namespace Coloc.IO.Tiff;

/// <summary>
/// The Adler-32 check of a zlib (Deflate) strip or tile. LibTiff.NET stops inflating once the strip is full and never
/// reads the checksum at the end of the stream, so damaged Deflate data could pass as pixels; comparing the checksum
/// of the decoded bytes with the stream's last 4 bytes catches it. Only valid without a predictor (the stream then
/// holds the pixels themselves, in file byte order).
/// </summary>
internal static class DeflateChecksum
{
    private const uint Mod = 65521;
    private const int Nmax = 5552;   // largest run before the sums can overflow 32 bits

    /// <summary>Adler-32 of <paramref name="data"/>.</summary>
    internal static uint Adler32(ReadOnlySpan<byte> data)
    {
        uint a = 1, b = 0;
        while (data.Length > 0)
        {
            int n = Math.Min(Nmax, data.Length);
            foreach (byte x in data[..n])
            {
                a += x;
                b += a;
            }
            a %= Mod;
            b %= Mod;
            data = data[n..];
        }
        return (b << 16) | a;
    }

    /// <summary>
    /// True if <paramref name="raw"/> (a whole zlib stream) ends with the Adler-32 of <paramref name="decoded"/>
    /// (in file byte order: 16/32-bit samples are swapped back first when <paramref name="swapped"/>).
    /// </summary>
    internal static bool Matches(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> decoded, bool swapped, int bytesPerSample)
    {
        if (raw.Length < 6) return false;
        uint want = BinaryPrimitives.ReadUInt32BigEndian(raw[^4..]);
        if (!swapped || bytesPerSample == 1) return Adler32(decoded) == want;
        var copy = decoded.ToArray();
        for (int i = 0; i + bytesPerSample <= copy.Length; i += bytesPerSample) copy.AsSpan(i, bytesPerSample).Reverse();
        return Adler32(copy) == want;
    }
}
