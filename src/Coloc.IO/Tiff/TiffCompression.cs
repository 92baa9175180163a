namespace Coloc.IO.Tiff;

/// <summary>Compression of written pages (all lossless).</summary>
public enum TiffCompression
{
    /// <summary>Uncompressed (TIFF Compression = 1); what ImageJ writes.</summary>
    None,

    /// <summary>LZW (5).</summary>
    Lzw,

    /// <summary>Deflate / zlib (8, "Adobe Deflate").</summary>
    Deflate,

    /// <summary>PackBits run-length (32773).</summary>
    PackBits,
}
