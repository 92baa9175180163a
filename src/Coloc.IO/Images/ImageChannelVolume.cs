using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.IO.Tiff;

namespace Coloc.IO.Images;

/// <summary>One channel of a <see cref="ImageStack"/> read plane by plane (the last plane read is kept) or window by window (only the window is read).</summary>
internal sealed class ImageChannelVolume<T> : IWindowVolume<T> where T : unmanaged
{
    private readonly ImageStack _stack;
    private readonly int _channel, _frame;
    private readonly T[] _plane;
    private int _z = -1;

    internal ImageChannelVolume(ImageStack stack, int channel, int frame)
    {
        _stack = stack;
        _channel = channel;
        _frame = frame;
        _plane = new T[(long)stack.Shape.Y * stack.Shape.X];
    }

    public ZyxInt Shape => _stack.Shape;

    public ReadOnlySpan<T> Plane(int z)
    {
        if ((uint)z >= (uint)Shape.Z) throw new ArgumentOutOfRangeException(nameof(z), z, $"plane must be in [0, {Shape.Z})");
        if (z != _z)
        {
            _z = -1;
            if (typeof(T) == typeof(float) && _stack.PixelType != TiffPixelType.Float32)
                _stack.ReadPlaneAsFloat(_channel, z, System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(_plane.AsSpan()), _frame);
            else
                _stack.ReadPlane(_channel, z, _plane.AsSpan(), _frame);
            _z = z;
        }
        return _plane;
    }

    public void ReadWindow(int z, int y0, int ny, int x0, int nx, Span<T> destination)
    {
        var offset = new ZyxInt(z, y0, x0);
        var size = new ZyxInt(1, ny, nx);
        if (typeof(T) == typeof(float) && _stack.PixelType != TiffPixelType.Float32)
            _stack.ReadBlockAsFloat(_channel, offset, size, System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(destination), _frame);
        else
            _stack.ReadBlock(_channel, offset, size, destination, _frame);
    }
}
