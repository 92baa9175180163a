using Coloc.Core.Geometry;
using Coloc.Native.Jni;

namespace Coloc.Native.Pixels;

/// <summary>
/// The planes of one ImageJ hyperstack frame as passed by Java: an <c>Object[]</c> of C·Z pixel arrays in ImageJ's
/// order (index <c>z·C + c</c>), each Y·X values. Validated on construction (types, lengths); read plane by plane
/// with <c>GetPrimitiveArrayCritical</c>, so pixels are never copied and each critical section covers one plane.
/// </summary>
public sealed unsafe class JavaPlanes
{
    private readonly JniEnv _env;
    private readonly IntPtr _array;
    private readonly IntPtr _class;

    private JavaPlanes(JniEnv env, IntPtr array, IntPtr planeClass, int channels, ZyxInt shape, PixelType type)
    {
        (_env, _array, _class, Channels, Shape, Type) = (env, array, planeClass, channels, shape, type);
    }

    /// <summary>Number of channels C.</summary>
    public int Channels { get; }

    /// <summary>Shape z,y,x of each channel.</summary>
    public ZyxInt Shape { get; }

    /// <summary>Pixel type of every plane.</summary>
    public PixelType Type { get; }

    /// <summary>Bytes per pixel: 1, 2 or 4.</summary>
    public int ElementSize => Type switch { PixelType.UInt8 => 1, PixelType.UInt16 => 2, _ => 4 };

    /// <summary>Bytes the JVM copied instead of pinning in place (0 when every access was zero-copy).</summary>
    public long BytesCopied { get; private set; }

    /// <summary>Checks <paramref name="planes"/> against <paramref name="shapeCzyx"/> (C,Z,Y,X).</summary>
    /// <exception cref="JavaException">Null, wrong count, a null plane, mixed or unsupported types, or a wrong plane length.</exception>
    public static JavaPlanes From(JniEnv env, IntPtr planes, int[]? shapeCzyx)
    {
        if (planes == IntPtr.Zero) throw JavaException.Argument("planes: null");
        if (shapeCzyx is null || shapeCzyx.Length != 4) throw JavaException.Argument("shape: expected 4 values c,z,y,x");
        if (shapeCzyx.Any(v => v < 1)) throw JavaException.Argument($"shape: every axis must be >= 1, got {string.Join(",", shapeCzyx)}");
        int c = shapeCzyx[0], z = shapeCzyx[1];
        long planeLength = (long)shapeCzyx[2] * shapeCzyx[3];
        if (planeLength > int.MaxValue) throw JavaException.Argument($"shape: a plane of {shapeCzyx[2]}x{shapeCzyx[3]} exceeds 2^31-1 pixels");
        long n = (long)c * z;
        int length = env.ArrayLength(planes);
        if (n != length) throw JavaException.Argument($"planes: {length} arrays given, shape c*z = {n} needed");
        var classes = new[] { env.FindClass("[B"), env.FindClass("[S"), env.FindClass("[F") };
        try
        {
            PixelType? type = null;
            for (int i = 0; i < length; i++)
            {
                var p = env.GetObjectArrayElement(planes, i);
                try
                {
                    if (p == IntPtr.Zero) throw JavaException.Argument($"planes[{i}]: null");
                    int k = Array.FindIndex(classes, cls => env.IsInstanceOf(p, cls));
                    if (k < 0) throw JavaException.Argument($"planes[{i}]: not a byte[], short[] or float[] (RGB images are not supported)");
                    type ??= (PixelType)k;
                    if ((PixelType)k != type) throw JavaException.Argument($"planes[{i}]: {(PixelType)k}, but planes[0] is {type}");
                    if (env.ArrayLength(p) != planeLength)
                        throw JavaException.Argument($"planes[{i}]: {env.ArrayLength(p)} pixels, shape y*x = {planeLength} needed");
                }
                finally { env.DeleteLocalRef(p); }
            }
            var keep = classes[(int)type!.Value];
            classes[(int)type.Value] = IntPtr.Zero;
            return new JavaPlanes(env, planes, keep, c, new ZyxInt(z, shapeCzyx[2], shapeCzyx[3]), type.Value);
        }
        finally
        {
            foreach (var cls in classes) env.DeleteLocalRef(cls);
        }
    }

    /// <summary>True when <paramref name="plane"/> (a local reference) is non-null, of this image's type and Y·X long.</summary>
    public bool IsValidPlane(IntPtr plane) =>
        plane != IntPtr.Zero && _env.IsInstanceOf(plane, _class) && _env.ArrayLength(plane) == Shape.Y * Shape.X;

    /// <summary>Visits channel <paramref name="c"/>'s planes z = 0..Z−1, each pinned only for the visit.</summary>
    public void ForEachPlane<T>(int c, PlaneVisitor<T> visit) where T : unmanaged
    {
        if (sizeof(T) != ElementSize)
            throw new InvalidOperationException($"planes hold {Type}, not {typeof(T).Name}");
        int n = Shape.Y * Shape.X;
        for (int z = 0; z < Shape.Z; z++)
        {
            var p = _env.GetObjectArrayElement(_array, z * Channels + c);
            try
            {
                // Re-checked here: Java code on another thread may have replaced the plane since validation.
                if (p == IntPtr.Zero || !_env.IsInstanceOf(p, _class) || _env.ArrayLength(p) != n)
                    throw JavaException.Argument($"planes[{z * Channels + c}] changed during the call");
                void* data = _env.GetCritical(p, out bool isCopy);
                try
                {
                    if (isCopy) BytesCopied += (long)n * sizeof(T);
                    visit(c, z, new ReadOnlySpan<T>(data, n));
                }
                finally { _env.ReleaseCritical(p, data); }
            }
            finally { _env.DeleteLocalRef(p); }
        }
    }
}
