namespace Coloc.Core.Image;

/// <summary>
/// Pixel values as scikit-image 0.19's <c>img_as_float</c> gives them to <c>blob_log</c>: unsigned integers are
/// multiplied by <c>1.0 / dtype_max</c> (uint8: 1/255, uint16: 1/65535, uint32: 1/4294967295), int32 by
/// <c>1.0 / 2147483647</c> and clamped at −1, float32 is widened unchanged.
/// </summary>
internal static class PixelConversion
{
    /// <summary>Throws <see cref="NotSupportedException"/> for pixel types detection does not accept.</summary>
    public static void EnsureSupported<T>() where T : unmanaged
    {
        if (typeof(T) != typeof(byte) && typeof(T) != typeof(ushort) && typeof(T) != typeof(uint)
            && typeof(T) != typeof(int) && typeof(T) != typeof(float))
            throw new NotSupportedException($"blob detection supports 8-, 16-, 32-bit integer and 32-bit float pixels, not {typeof(T).Name}");
    }

    /// <summary>The raw value as a double (no scaling).</summary>
    public static double Raw<T>(T v) where T : unmanaged
    {
        if (typeof(T) == typeof(ushort)) return (ushort)(object)v;
        if (typeof(T) == typeof(byte)) return (byte)(object)v;
        if (typeof(T) == typeof(uint)) return (uint)(object)v;
        if (typeof(T) == typeof(int)) return (int)(object)v;
        if (typeof(T) == typeof(float)) return (float)(object)v;
        throw new NotSupportedException(typeof(T).Name);
    }

    /// <summary>Converts raw values (already widened to double) to <c>img_as_float</c> values in place.</summary>
    public static void ScaleInPlace<T>(Span<double> values) where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return;
        double c = Factor<T>();
        bool clampMinusOne = typeof(T) == typeof(int);
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i] * c;
            values[i] = clampMinusOne && v < -1.0 ? -1.0 : v;
        }
    }

    /// <summary>The multiplier <c>1.0 / dtype_max</c> (1 for float).</summary>
    public static double Factor<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(ushort)) return 1.0 / ushort.MaxValue;
        if (typeof(T) == typeof(byte)) return 1.0 / byte.MaxValue;
        if (typeof(T) == typeof(uint)) return 1.0 / uint.MaxValue;
        if (typeof(T) == typeof(int)) return 1.0 / int.MaxValue;
        return 1.0;
    }

    /// <summary>Widens a row of pixels to doubles (raw values).</summary>
    public static void Widen<T>(ReadOnlySpan<T> src, Span<double> dst) where T : unmanaged
    {
        if (typeof(T) == typeof(ushort))
        {
            var s = System.Runtime.InteropServices.MemoryMarshal.Cast<T, ushort>(src);
            for (int i = 0; i < s.Length; i++) dst[i] = s[i];
        }
        else if (typeof(T) == typeof(byte))
        {
            var s = System.Runtime.InteropServices.MemoryMarshal.Cast<T, byte>(src);
            for (int i = 0; i < s.Length; i++) dst[i] = s[i];
        }
        else
        {
            for (int i = 0; i < src.Length; i++) dst[i] = Raw(src[i]);
        }
    }

    /// <summary>
    /// Casts an interpolated value back to the pixel type as numpy's <c>astype</c> does after
    /// <c>resize(..., preserve_range=True)</c>: truncation toward zero for integers, rounding to float32 for float.
    /// The value is already clipped to the input's range, so it fits.
    /// </summary>
    public static double CastBack<T>(double v) where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return (float)v;
        return Math.Truncate(v);
    }
}
