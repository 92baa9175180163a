using System.Runtime.InteropServices;

namespace Coloc.IO.Tiff;

/// <summary>Converts raw native-order samples to float.</summary>
internal static class TiffConvert
{
    internal static void ToFloat(TiffPixelType type, ReadOnlySpan<byte> raw, Span<float> destination)
    {
        switch (type)
        {
            case TiffPixelType.UInt8: Widen(raw, destination); break;
            case TiffPixelType.Int8: Widen(MemoryMarshal.Cast<byte, sbyte>(raw), destination); break;
            case TiffPixelType.UInt16: Widen(MemoryMarshal.Cast<byte, ushort>(raw), destination); break;
            case TiffPixelType.Int16: Widen(MemoryMarshal.Cast<byte, short>(raw), destination); break;
            case TiffPixelType.UInt32: Widen(MemoryMarshal.Cast<byte, uint>(raw), destination); break;
            case TiffPixelType.Int32: Widen(MemoryMarshal.Cast<byte, int>(raw), destination); break;
            default: MemoryMarshal.Cast<byte, float>(raw).CopyTo(destination); break;
        }
    }

    private static void Widen<T>(ReadOnlySpan<T> src, Span<float> dst) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        for (int i = 0; i < src.Length; i++) dst[i] = float.CreateTruncating(src[i]);
    }
}
