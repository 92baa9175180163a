using Coloc.Core.Geometry;
using Coloc.Core.Image;

namespace Coloc.Native.CAbi;

/// <summary>
/// A caller's pixel array for <c>coloc_detect</c> and <c>coloc_intensity</c>: C-contiguous <c>c,z,y,x</c>, element
/// type by code (1 uint8, 2 uint16, 3 int32, 4 uint32, 5 float32), read in place.
/// </summary>
public sealed unsafe class CPixels
{
    private CPixels(void* data, int type, int channels, ZyxInt shape) => (Data, Type, Channels, Shape) = ((IntPtr)data, type, channels, shape);

    /// <summary>Element [0,0,0,0].</summary>
    public IntPtr Data { get; }

    /// <summary>Element type code.</summary>
    public int Type { get; }

    /// <summary>Number of channels.</summary>
    public int Channels { get; }

    /// <summary>Shape of one channel, z,y,x.</summary>
    public ZyxInt Shape { get; }

    /// <summary>Checks the arguments.</summary>
    /// <exception cref="ArgumentException">Null data, an unknown type or a shape out of range.</exception>
    public static CPixels From(void* data, int type, long* shapeCzyx)
    {
        if (type is < 1 or > 5) throw new ArgumentException($"volume: pixel type code {type} is not supported (uint8, uint16, int32, uint32 or float32)");
        if (shapeCzyx == null) throw new ArgumentException("volume: null shape");
        long c = shapeCzyx[0], z = shapeCzyx[1], y = shapeCzyx[2], x = shapeCzyx[3];
        if (c < 1 || z < 1 || y < 1 || x < 1 || c > 4096 || z > int.MaxValue || y * x > Array.MaxLength)
            throw new ArgumentException($"volume: shape {c},{z},{y},{x} (c,z,y,x) is out of range (each >= 1, at most 4096 channels, a plane at most {Array.MaxLength} pixels)");
        if (data == null) throw new ArgumentException("volume: null data");
        return new CPixels(data, type, (int)c, new ZyxInt((int)z, (int)y, (int)x));
    }

    /// <summary>The channels as volumes of <typeparamref name="T"/> (the type matching <see cref="Type"/>).</summary>
    public IVolume<T>[] Volumes<T>() where T : unmanaged =>
        Enumerable.Range(0, Channels).Select(c => (IVolume<T>)new PointerVolume<T>((T*)Data, Shape, c)).ToArray();
}
