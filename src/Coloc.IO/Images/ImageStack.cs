using System.Runtime.InteropServices;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.IO.Tiff;

namespace Coloc.IO.Images;

/// <summary>
/// An image file (or folder of files) seen as channels × frames of a 3-D z,y,x volume of one pixel type, read on
/// demand block by block: memory is bounded by what a call reads, never the whole volume. Every image input of the
/// CLI (a TIFF, a folder of TIFF planes, an OME-TIFF, an Imaris <c>.ims</c>, a BigDataViewer <c>.h5</c>) is one of
/// these; <see cref="ImageFiles.Open"/> picks the reader. Arrays are z,y,x with x fastest. Reads may run on several
/// threads at once; <see cref="Channel{T}"/> views each keep their own plane buffer.
/// </summary>
public abstract class ImageStack : IDisposable
{
    /// <summary>The file or folder as given (a plane pattern keeps its <c>{c}</c>).</summary>
    public abstract string Path { get; }

    /// <summary>Shape z,y,x of one channel of one frame, in voxels.</summary>
    public abstract ZyxInt Shape { get; }

    /// <summary>Number of channels (≥ 1).</summary>
    public abstract int Channels { get; }

    /// <summary>Number of frames (time points, ≥ 1).</summary>
    public virtual int Frames => 1;

    /// <summary>Voxel size z,y,x in µm from the file's metadata; (1, 1, 1) when the file has none.</summary>
    public abstract Zyx ResolutionUm { get; }

    /// <summary>The pixel type of every channel.</summary>
    public abstract TiffPixelType PixelType { get; }

    /// <summary>Total size of the file(s) read, bytes (what a plan records to notice a changed image).</summary>
    public abstract long Bytes { get; }

    /// <summary>Latest modification time of the file(s), UTC.</summary>
    public abstract DateTime ModifiedUtc { get; }

    /// <summary>
    /// Reads the box [offset, offset+size) z,y,x of a channel into <paramref name="destination"/> as raw native-order
    /// samples (<c>size.Volume · bytes per sample</c> bytes, z,y,x row-major). The box has been checked to lie in
    /// <see cref="Shape"/>, the channel and frame to exist.
    /// </summary>
    protected abstract void ReadRaw(int channel, int frame, ZyxInt offset, ZyxInt size, Span<byte> destination);

    /// <summary>Reads plane z of a channel into <paramref name="destination"/> (<c>Y·X</c> values) in the native type.</summary>
    public void ReadPlane<T>(int channel, int z, Span<T> destination, int frame = 0) where T : unmanaged =>
        ReadBlock(channel, new ZyxInt(z, 0, 0), new ZyxInt(1, Shape.Y, Shape.X), destination, frame);

    /// <summary>Reads plane z of a channel converted to float (32-bit integers above 2²⁴ are rounded).</summary>
    public void ReadPlaneAsFloat(int channel, int z, Span<float> destination, int frame = 0) =>
        ReadBlockAsFloat(channel, new ZyxInt(z, 0, 0), new ZyxInt(1, Shape.Y, Shape.X), destination, frame);

    /// <summary>
    /// Reads the box [offset, offset+size) z,y,x of a channel into <paramref name="destination"/>
    /// (<c>size.Z·size.Y·size.X</c> values, z,y,x row-major) in the native type; <typeparamref name="T"/> must be
    /// <see cref="PixelType"/>'s CLR type. Only the data the box touches is read.
    /// </summary>
    public void ReadBlock<T>(int channel, ZyxInt offset, ZyxInt size, Span<T> destination, int frame = 0) where T : unmanaged
    {
        CheckType<T>();
        Check(channel, frame, offset, size, destination.Length);
        ReadRaw(channel, frame, offset, size, MemoryMarshal.AsBytes(destination[..checked((int)size.Volume)]));
    }

    /// <summary>As <see cref="ReadBlock{T}"/>, converted to float, one plane of the box at a time.</summary>
    public void ReadBlockAsFloat(int channel, ZyxInt offset, ZyxInt size, Span<float> destination, int frame = 0)
    {
        Check(channel, frame, offset, size, destination.Length);
        int plane = size.Y * size.X, bpp = PixelType.BytesPerSample();
        var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(1, plane * bpp));
        try
        {
            for (int dz = 0; dz < size.Z; dz++)
            {
                var raw = bytes.AsSpan(0, plane * bpp);
                ReadRaw(channel, frame, new ZyxInt(offset.Z + dz, offset.Y, offset.X), new ZyxInt(1, size.Y, size.X), raw);
                TiffConvert.ToFloat(PixelType, raw, destination.Slice(dz * plane, plane));
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// A lazy view of one channel of one frame: each <see cref="IVolume{T}.Plane"/> call reads that plane into a
    /// buffer owned by the view (valid until the view's next call).
    /// </summary>
    public IVolume<T> Channel<T>(int channel, int frame = 0) where T : unmanaged
    {
        CheckType<T>();
        Check(channel, frame, default, default, 0);
        return new ImageChannelVolume<T>(this, channel, frame);
    }

    /// <summary>A lazy float view of one channel (see <see cref="Channel{T}"/>), converting each plane as it is read.</summary>
    public IVolume<float> ChannelAsFloat(int channel, int frame = 0)
    {
        Check(channel, frame, default, default, 0);
        return new ImageChannelVolume<float>(this, channel, frame);
    }

    private void CheckType<T>() where T : unmanaged
    {
        if (TiffPixelTypes.Of<T>() != PixelType)
            throw new ArgumentException($"{Path} holds {PixelType} pixels; read them as {PixelType.ClrType().Name}, not {typeof(T).Name}");
    }

    private void Check(int channel, int frame, ZyxInt offset, ZyxInt size, int length)
    {
        if ((uint)channel >= (uint)Channels) throw new ArgumentOutOfRangeException(nameof(channel), channel, $"channel must be in [0, {Channels})");
        if ((uint)frame >= (uint)Frames) throw new ArgumentOutOfRangeException(nameof(frame), frame, $"frame must be in [0, {Frames})");
        for (int a = 0; a < 3; a++)
            if (offset[a] < 0 || size[a] < 0 || offset[a] + size[a] > Shape[a])
                throw new ArgumentOutOfRangeException(nameof(size), $"box offset {offset} size {size} must lie in the shape {Shape}");
        if (length < size.Volume)
            throw new ArgumentException($"destination holds {length} values, the box needs {size.Volume}");
    }

    /// <summary>Releases the file handles.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the file handles (<paramref name="disposing"/>: called from <see cref="Dispose()"/>).</summary>
    protected virtual void Dispose(bool disposing) { }
}
