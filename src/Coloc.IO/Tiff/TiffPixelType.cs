namespace Coloc.IO.Tiff;

/// <summary>
/// The sample type of a single-sample (grey-scale) TIFF page, from the BitsPerSample and SampleFormat tags.
/// </summary>
public enum TiffPixelType
{
    /// <summary>8-bit unsigned integer (<see cref="byte"/>), 0..255.</summary>
    UInt8,

    /// <summary>8-bit signed integer (<see cref="sbyte"/>).</summary>
    Int8,

    /// <summary>16-bit unsigned integer (<see cref="ushort"/>), 0..65535; the usual microscopy type.</summary>
    UInt16,

    /// <summary>16-bit signed integer (<see cref="short"/>).</summary>
    Int16,

    /// <summary>32-bit unsigned integer (<see cref="uint"/>).</summary>
    UInt32,

    /// <summary>32-bit signed integer (<see cref="int"/>).</summary>
    Int32,

    /// <summary>32-bit IEEE float (<see cref="float"/>).</summary>
    Float32,
}
