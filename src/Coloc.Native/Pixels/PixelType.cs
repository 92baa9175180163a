namespace Coloc.Native.Pixels;

/// <summary>Pixel arrays ImageJ stacks hold: <c>byte[]</c> (8-bit), <c>short[]</c> (16-bit, read unsigned), <c>float[]</c> (32-bit).</summary>
public enum PixelType
{
    /// <summary>8-bit unsigned (<c>byte[]</c>).</summary>
    UInt8,

    /// <summary>16-bit unsigned (<c>short[]</c> read as <see cref="ushort"/>).</summary>
    UInt16,

    /// <summary>32-bit float (<c>float[]</c>).</summary>
    Float32,
}
