using Coloc.IO.Tiff;

namespace Coloc.Cli;

/// <summary>Calls generic pipeline code with the CLR type of a TIFF's pixels.</summary>
public static class PixelDispatch
{
    /// <summary>Generic code to run for one pixel type.</summary>
    /// <typeparam name="TResult">What the code returns.</typeparam>
    public interface IVisitor<out TResult>
    {
        /// <summary>Runs with pixel type <typeparamref name="T"/>.</summary>
        TResult Visit<T>() where T : unmanaged;
    }

    /// <summary>Runs <paramref name="visitor"/> with the CLR type of <paramref name="type"/> (8/16/32-bit unsigned, 32-bit signed or float).</summary>
    /// <exception cref="UsageException">Signed 8/16-bit pixels, which detection does not support.</exception>
    public static TResult Run<TResult>(TiffPixelType type, string path, IVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return type switch
        {
            TiffPixelType.UInt8 => visitor.Visit<byte>(),
            TiffPixelType.UInt16 => visitor.Visit<ushort>(),
            TiffPixelType.UInt32 => visitor.Visit<uint>(),
            TiffPixelType.Int32 => visitor.Visit<int>(),
            TiffPixelType.Float32 => visitor.Visit<float>(),
            _ => throw new UsageException($"{path}: {type} pixels are not supported for detection (use 8/16/32-bit unsigned, 32-bit signed or float images)"),
        };
    }
}
