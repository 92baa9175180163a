using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Coloc.IO.Tiff;

/// <summary>
/// Uncompressed strips read straight from the file into the caller's buffer, without LibTiff.NET's two intermediate
/// copies: one positional read per strip for full-width regions, one per row otherwise, then the byte order fixed.
/// </summary>
internal static class TiffRawStrips
{
    internal static void Read(SafeFileHandle file, string path, int page, int rowsPerStrip, long[] offsets, int width, int height,
        int bpp, bool swapped, TiffRegion region, Span<byte> destination)
    {
        long rowBytes = (long)width * bpp;
        int outRow = region.Width * bpp;
        int y = region.Y, end = region.Y + region.Height;
        while (y < end)
        {
            int strip = y / rowsPerStrip, top = strip * rowsPerStrip;
            int y1 = Math.Min(end, Math.Min(top + rowsPerStrip, height));
            long at = offsets[strip] + (y - top) * rowBytes + (long)region.X * bpp;
            if (region.X == 0 && region.Width == width)
                ReadExactly(file, path, page, strip, at, destination.Slice((y - region.Y) * outRow, (y1 - y) * outRow));
            else
                for (int r = y; r < y1; r++, at += rowBytes)
                    ReadExactly(file, path, page, strip, at, destination.Slice((r - region.Y) * outRow, outRow));
            y = y1;
        }
        if (!swapped || bpp == 1) return;
        var d = destination[..(int)(region.Pixels * bpp)];
        if (bpp == 2) BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(d), MemoryMarshal.Cast<byte, ushort>(d));
        else BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(d), MemoryMarshal.Cast<byte, uint>(d));
    }

    private static void ReadExactly(SafeFileHandle file, string path, int page, int strip, long offset, Span<byte> destination)
    {
        int done = 0;
        while (done < destination.Length)
        {
            int n = RandomAccess.Read(file, destination[done..], offset + done);
            if (n <= 0) throw new ColocFormatException($"{path}: page {page} strip {strip}: got {done} of {destination.Length} bytes at offset {offset} (file truncated)");
            done += n;
        }
    }
}
