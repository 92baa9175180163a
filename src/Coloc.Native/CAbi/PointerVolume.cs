using Coloc.Core.Geometry;
using Coloc.Core.Image;

namespace Coloc.Native.CAbi;

/// <summary>
/// One channel of a C-contiguous <c>c,z,y,x</c> pixel array owned by the caller (a numpy array), read in place: plane z
/// of channel c starts at element <c>(c·Z + z)·Y·X</c>. Valid only during the export call that received the pointer.
/// </summary>
public sealed unsafe class PointerVolume<T> : IVolume<T> where T : unmanaged
{
    private readonly T* _channel;

    /// <summary>Channel <paramref name="channel"/> of the array at <paramref name="data"/> of <paramref name="shape"/> per channel.</summary>
    public PointerVolume(T* data, ZyxInt shape, int channel)
    {
        Shape = shape;
        _channel = data + (long)channel * shape.Z * shape.Y * shape.X;
    }

    /// <inheritdoc/>
    public ZyxInt Shape { get; }

    /// <inheritdoc/>
    public ReadOnlySpan<T> Plane(int z)
    {
        if ((uint)z >= (uint)Shape.Z) throw new ArgumentOutOfRangeException(nameof(z), z, $"plane outside 0..{Shape.Z - 1}");
        long plane = (long)Shape.Y * Shape.X;
        return new ReadOnlySpan<T>(_channel + z * plane, (int)plane);
    }
}
