namespace Coloc.IO.Tiff;

/// <summary>Facts about <see cref="TiffPixelType"/>: byte size, CLR type, TIFF tag values.</summary>
public static class TiffPixelTypes
{
    /// <summary>Bytes per sample: 1, 2 or 4.</summary>
    public static int BytesPerSample(this TiffPixelType type) => type switch
    {
        TiffPixelType.UInt8 or TiffPixelType.Int8 => 1,
        TiffPixelType.UInt16 or TiffPixelType.Int16 => 2,
        _ => 4,
    };

    /// <summary>The CLR type that holds one sample (e.g. <see cref="ushort"/> for <see cref="TiffPixelType.UInt16"/>).</summary>
    public static Type ClrType(this TiffPixelType type) => type switch
    {
        TiffPixelType.UInt8 => typeof(byte),
        TiffPixelType.Int8 => typeof(sbyte),
        TiffPixelType.UInt16 => typeof(ushort),
        TiffPixelType.Int16 => typeof(short),
        TiffPixelType.UInt32 => typeof(uint),
        TiffPixelType.Int32 => typeof(int),
        _ => typeof(float),
    };

    /// <summary>The pixel type whose CLR type is <typeparamref name="T"/>; throws <see cref="ArgumentException"/> for other types.</summary>
    public static TiffPixelType Of<T>() where T : unmanaged
    {
        foreach (var t in Enum.GetValues<TiffPixelType>())
            if (t.ClrType() == typeof(T)) return t;
        throw new ArgumentException($"{typeof(T).Name} is not a TIFF pixel type (byte, sbyte, ushort, short, uint, int, float)");
    }

    /// <summary>TIFF SampleFormat: 1 = unsigned integer, 2 = signed integer, 3 = IEEE float.</summary>
    internal static int SampleFormatTag(this TiffPixelType type) => type switch
    {
        TiffPixelType.Int8 or TiffPixelType.Int16 or TiffPixelType.Int32 => 2,
        TiffPixelType.Float32 => 3,
        _ => 1,
    };

    /// <summary>The type for BitsPerSample and SampleFormat tag values, or null if unsupported.</summary>
    internal static TiffPixelType? FromTags(int bitsPerSample, int sampleFormat) => (bitsPerSample, sampleFormat) switch
    {
        (8, 1) => TiffPixelType.UInt8,
        (8, 2) => TiffPixelType.Int8,
        (16, 1) => TiffPixelType.UInt16,
        (16, 2) => TiffPixelType.Int16,
        (32, 1) => TiffPixelType.UInt32,
        (32, 2) => TiffPixelType.Int32,
        (32, 3) => TiffPixelType.Float32,
        _ => null,
    };
}
