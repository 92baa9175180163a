using Coloc.Core.Geometry;
using Coloc.Core.Image;

namespace Coloc.Core.Detection;

/// <summary>An <see cref="IVolume{T}"/> read as <c>img_as_float</c> values (no resampling).</summary>
internal sealed class VolumePlaneSource<T> : IPlaneSource where T : unmanaged
{
    private readonly IVolume<T> _volume;

    public VolumePlaneSource(IVolume<T> volume)
    {
        PixelConversion.EnsureSupported<T>();
        _volume = volume;
    }

    public ZyxInt Shape => _volume.Shape;

    public double? SingleScale =>
        typeof(T) == typeof(ushort) || typeof(T) == typeof(byte) ? PixelConversion.Factor<T>() : typeof(T) == typeof(float) ? 1.0 : null;

    public void ReadWindowSingle(int z, int y0, int ny, int x0, int nx, Span<float> dst, int dstStride)
    {
        if (SingleScale is null) throw new NotSupportedException($"{typeof(T).Name} pixels are not read as floats");
        var plane = _volume.Plane(z);
        int width = _volume.Shape.X;
        for (int y = 0; y < ny; y++)
        {
            var src = plane.Slice((y0 + y) * width + x0, nx);
            var row = dst.Slice(y * dstStride, nx);
            if (typeof(T) == typeof(ushort))
            {
                var u = System.Runtime.InteropServices.MemoryMarshal.Cast<T, ushort>(src);
                for (int x = 0; x < nx; x++) row[x] = u[x];
            }
            else if (typeof(T) == typeof(byte))
            {
                var u = System.Runtime.InteropServices.MemoryMarshal.Cast<T, byte>(src);
                for (int x = 0; x < nx; x++) row[x] = u[x];
            }
            else System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(src).CopyTo(row);
        }
    }

    public void ReadWindow(int z, int y0, int ny, int x0, int nx, Span<double> dst, int dstStride)
    {
        if (_volume is IWindowVolume<T> windowed)
        {
            var window = System.Buffers.ArrayPool<T>.Shared.Rent(Math.Max(1, ny * nx));
            try
            {
                windowed.ReadWindow(z, y0, ny, x0, nx, window.AsSpan(0, ny * nx));
                for (int y = 0; y < ny; y++)
                {
                    var row = dst.Slice(y * dstStride, nx);
                    PixelConversion.Widen(new ReadOnlySpan<T>(window, y * nx, nx), row);
                    PixelConversion.ScaleInPlace<T>(row);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<T>.Shared.Return(window);
            }
            return;
        }
        var plane = _volume.Plane(z);
        int width = _volume.Shape.X;
        for (int y = 0; y < ny; y++)
        {
            var row = dst.Slice(y * dstStride, nx);
            PixelConversion.Widen(plane.Slice((y0 + y) * width + x0, nx), row);
            PixelConversion.ScaleInPlace<T>(row);
        }
    }
}
