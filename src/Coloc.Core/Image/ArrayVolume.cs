using Coloc.Core.Geometry;

namespace Coloc.Core.Image;

/// <summary>A volume held in one contiguous z,y,x array.</summary>
/// <typeparam name="T">Pixel type.</typeparam>
public sealed class ArrayVolume<T> : IVolume<T> where T : unmanaged
{
    /// <summary>Wraps <paramref name="data"/> (not copied), length <c>Z·Y·X</c>.</summary>
    public ArrayVolume(ZyxInt shape, T[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (shape.Z < 0 || shape.Y < 0 || shape.X < 0)
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "shape must be >= 0");
        if (shape.Volume != data.Length)
            throw new ArgumentException($"data has {data.Length} values, shape {shape} needs {shape.Volume}", nameof(data));
        Shape = shape;
        Data = data;
    }

    /// <summary>A zero-filled volume.</summary>
    public static ArrayVolume<T> Zeros(ZyxInt shape) => new(shape, new T[shape.Volume]);

    /// <inheritdoc/>
    public ZyxInt Shape { get; }

    /// <summary>The values, z,y,x row-major.</summary>
    public T[] Data { get; }

    /// <summary>The value at (z, y, x).</summary>
    public T this[int z, int y, int x]
    {
        get => Data[((long)z * Shape.Y + y) * Shape.X + x];
        set => Data[((long)z * Shape.Y + y) * Shape.X + x] = value;
    }

    /// <inheritdoc/>
    public ReadOnlySpan<T> Plane(int z)
    {
        if ((uint)z >= (uint)Shape.Z) throw new ArgumentOutOfRangeException(nameof(z), z, $"plane must be in [0, {Shape.Z})");
        int n = Shape.Y * Shape.X;
        return Data.AsSpan(z * n, n);
    }
}
