using Coloc.Core.Geometry;
using Coloc.Core.Image;

namespace Coloc.Native.Pixels;

/// <summary>
/// One channel of a <see cref="JavaPlanes"/> image as an <see cref="IVolume{T}"/> that pins one Java plane at a time:
/// <see cref="Plane"/> releases the plane pinned before (on any channel of the same image, see
/// <see cref="PlaneCursor"/>) and pins the requested one in place, so a span is valid until the next
/// <see cref="Plane"/> call on the image — the access pattern of plane sweeps such as the intensity method. No pixel
/// is copied, at most one JNI critical section is open, and only the Java thread that called the export may read.
/// </summary>
public sealed class JavaPlaneVolume<T> : IVolume<T> where T : unmanaged
{
    private readonly PlaneCursor _cursor;
    private readonly int _channel;

    /// <summary>Channel <paramref name="channel"/> read through <paramref name="cursor"/>.</summary>
    public JavaPlaneVolume(PlaneCursor cursor, int channel)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        (_cursor, _channel) = (cursor, channel);
    }

    /// <inheritdoc/>
    public ZyxInt Shape => _cursor.Planes.Shape;

    /// <inheritdoc/>
    public ReadOnlySpan<T> Plane(int z) => _cursor.Pin<T>(_channel, z);
}
