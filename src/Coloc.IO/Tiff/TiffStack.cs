using System.Runtime.InteropServices;
using Coloc.Core.Geometry;
using Coloc.Core.Image;

namespace Coloc.IO.Tiff;

/// <summary>
/// A TIFF file seen as a 5-D image t,z,c,y,x of one pixel type, read on demand plane by plane or block by block
/// (memory bounded by what is read, never the whole file). ImageJ hyperstacks (ImageDescription starting
/// <c>ImageJ=</c>) give channels, slices and frames, pages ordered <c>page = (t·Z + z)·C + c</c>; any other
/// multi-page file is one channel, one frame, one z slice per page. Strips or tiles, uncompressed or any codec
/// LibTiff.NET decodes (LZW, Deflate, PackBits, …), classic or BigTIFF, either byte order. Arrays are z,y,x with x
/// fastest, exactly as stored (no y/x swap). Reads may run on several threads at once (uncompressed strips in
/// parallel, compressed data one request at a time); <see cref="Channel{T}"/> views each keep their own buffer.
/// </summary>
public sealed class TiffStack : IDisposable
{
    private readonly TiffPageReader _reader;

    private TiffStack(TiffPageReader reader, int channels, int slices, int frames, Zyx resolutionUm, ImageJDescription? imageJ)
    {
        _reader = reader;
        Channels = channels;
        Frames = frames;
        Shape = new ZyxInt(slices, reader.Height, reader.Width);
        ResolutionUm = resolutionUm;
        ImageJ = imageJ;
    }

    /// <summary>
    /// Opens <paramref name="path"/> and checks every page (IFD). Throws <see cref="ColocFormatException"/> with one
    /// line naming the file and the problem if it cannot be read, is not a TIFF, has pages of different sizes or
    /// types, RGB/multi-sample pages, an unsupported sample type, or an ImageJ header that does not fit the pages.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="warn">Receives LibTiff.NET's warnings, one line each prefixed by the path (default: dropped; nothing is written to stderr).</param>
    /// <param name="maxExpansion">Largest ratio of the pixel bytes the pages claim to the file size (default
    /// <see cref="Coloc.Core.Limits.ResourceLimits.MaxExpansion"/>); a header claiming more is refused before any pixel is read.</param>
    public static TiffStack Open(string path, Action<string>? warn = null, int maxExpansion = 2048)
    {
        ArgumentNullException.ThrowIfNull(path);
        var reader = TiffPageReader.Open(path, warn);
        try
        {
            ImageJDescription? ij;
            try
            {
                ij = ImageJDescription.TryParse(reader.Description);
            }
            catch (FormatException e)
            {
                throw new ColocFormatException($"{path}: {e.Message}", e);
            }
            double claimed = (double)reader.Width * reader.Height * reader.BytesPerPixel * reader.PageCount;
            long fileBytes = new FileInfo(path).Length;
            if (claimed > (double)maxExpansion * fileBytes)
                throw new ColocFormatException($"{path}: the header claims {reader.PageCount} page(s) of {reader.Width}×{reader.Height} {reader.PixelType} ({claimed:0} bytes of pixels) but the file has {fileBytes} bytes, more than {maxExpansion} times as much (--max-expansion); damaged or hostile header");
            int c = 1, z = reader.PageCount, t = 1;
            if (ij is not null)
            {
                if (ij.Images != reader.PageCount)
                    throw new ColocFormatException($"{path}: the ImageJ header says images={ij.Images} but the file has {reader.PageCount} pages (truncated, or an ImageJ >4 GB raw file, which is not supported)");
                (c, z, t) = (ij.Channels, ij.Slices, ij.Frames);
            }
            return new TiffStack(reader, c, z, t, TiffCalibration.ResolutionUm(ij, reader.Resolution.X, reader.Resolution.Y, reader.Resolution.Unit), ij);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The file.</summary>
    public string Path => _reader.Path;

    /// <summary>Shape z,y,x of one channel of one frame, in voxels.</summary>
    public ZyxInt Shape { get; }

    /// <summary>Number of channels (≥ 1).</summary>
    public int Channels { get; }

    /// <summary>Number of frames (time points, ≥ 1).</summary>
    public int Frames { get; }

    /// <summary>
    /// Voxel size z,y,x in µm: y,x = 1 / YResolution, 1 / XResolution (denominator / numerator) in the ImageJ <c>unit</c> (or
    /// centimetres when ResolutionUnit is cm), z = the ImageJ <c>spacing</c> in that unit; (1, 1, 1) if the file is
    /// uncalibrated (no known unit). See <see cref="TiffCalibration"/>.
    /// </summary>
    public Zyx ResolutionUm { get; }

    /// <summary>The pixel type of every page.</summary>
    public TiffPixelType PixelType => _reader.PixelType;

    /// <summary>The parsed ImageJ header, or null for a plain multi-page file.</summary>
    public ImageJDescription? ImageJ { get; }

    /// <summary>The page holding plane (c, z, t): <c>(t·Z + z)·C + c</c>.</summary>
    public int PageIndex(int channel, int z, int frame = 0)
    {
        if ((uint)channel >= (uint)Channels) throw new ArgumentOutOfRangeException(nameof(channel), channel, $"channel must be in [0, {Channels})");
        if ((uint)z >= (uint)Shape.Z) throw new ArgumentOutOfRangeException(nameof(z), z, $"z must be in [0, {Shape.Z})");
        if ((uint)frame >= (uint)Frames) throw new ArgumentOutOfRangeException(nameof(frame), frame, $"frame must be in [0, {Frames})");
        return (frame * Shape.Z + z) * Channels + channel;
    }

    /// <summary>
    /// Reads plane z of a channel into <paramref name="destination"/> (<c>Y·X</c> values, row-major) in the native
    /// type; <typeparamref name="T"/> must be <see cref="PixelType"/>'s CLR type (e.g. <see cref="ushort"/> for 16-bit).
    /// </summary>
    public void ReadPlane<T>(int channel, int z, Span<T> destination, int frame = 0) where T : unmanaged =>
        ReadBlock(channel, new ZyxInt(z, 0, 0), new ZyxInt(1, Shape.Y, Shape.X), destination, frame);

    /// <summary>Reads plane z of a channel into <paramref name="destination"/> (<c>Y·X</c> values) converted to float (32-bit integers above 2²⁴ are rounded).</summary>
    public void ReadPlaneAsFloat(int channel, int z, Span<float> destination, int frame = 0) =>
        ReadBlockAsFloat(channel, new ZyxInt(z, 0, 0), new ZyxInt(1, Shape.Y, Shape.X), destination, frame);

    /// <summary>
    /// Reads the box [offset, offset+size) z,y,x of a channel into <paramref name="destination"/>
    /// (<c>size.Z·size.Y·size.X</c> values, z,y,x row-major) in the native type, decoding only the strips or tiles the
    /// box touches.
    /// </summary>
    public void ReadBlock<T>(int channel, ZyxInt offset, ZyxInt size, Span<T> destination, int frame = 0) where T : unmanaged
    {
        if (TiffPixelTypes.Of<T>() != PixelType)
            throw new ArgumentException($"{Path} holds {PixelType} pixels; read them as {PixelType.ClrType().Name}, not {typeof(T).Name}");
        CheckBox(offset, size, destination.Length);
        var bytes = MemoryMarshal.AsBytes(destination);
        int planeBytes = size.Y * size.X * _reader.BytesPerPixel;
        for (int dz = 0; dz < size.Z; dz++)
            _reader.ReadRegion(PageIndex(channel, offset.Z + dz, frame), new TiffRegion(offset.Y, offset.X, size.Y, size.X), bytes.Slice(dz * planeBytes, planeBytes));
    }

    /// <summary>As <see cref="ReadBlock{T}"/>, converted to float.</summary>
    public void ReadBlockAsFloat(int channel, ZyxInt offset, ZyxInt size, Span<float> destination, int frame = 0)
    {
        CheckBox(offset, size, destination.Length);
        int plane = size.Y * size.X, bpp = _reader.BytesPerPixel;
        var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(1, plane * bpp));
        try
        {
            for (int dz = 0; dz < size.Z; dz++)
            {
                var raw = bytes.AsSpan(0, plane * bpp);
                _reader.ReadRegion(PageIndex(channel, offset.Z + dz, frame), new TiffRegion(offset.Y, offset.X, size.Y, size.X), raw);
                TiffConvert.ToFloat(PixelType, raw, destination.Slice(dz * plane, plane));
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// A lazy view of one channel of one frame: each <see cref="IVolume{T}.Plane"/> call reads that plane from the
    /// file into a buffer owned by the view (valid until the view's next call). Shares this stack's file handle.
    /// </summary>
    public IVolume<T> Channel<T>(int channel, int frame = 0) where T : unmanaged
    {
        _ = PageIndex(channel, 0, frame);
        if (TiffPixelTypes.Of<T>() != PixelType)
            throw new ArgumentException($"{Path} holds {PixelType} pixels; read them as {PixelType.ClrType().Name}, not {typeof(T).Name}");
        return new TiffChannelVolume<T>(this, channel, frame);
    }

    /// <summary>A lazy float view of one channel (see <see cref="Channel{T}"/>), converting each plane as it is read.</summary>
    public IVolume<float> ChannelAsFloat(int channel, int frame = 0)
    {
        _ = PageIndex(channel, 0, frame);
        return new TiffChannelVolume<float>(this, channel, frame);
    }

    private void CheckBox(ZyxInt offset, ZyxInt size, int length)
    {
        for (int a = 0; a < 3; a++)
            if (offset[a] < 0 || size[a] < 0 || offset[a] + size[a] > Shape[a])
                throw new ArgumentOutOfRangeException(nameof(size), $"box offset {offset} size {size} must lie in the shape {Shape}");
        if (length < size.Volume)
            throw new ArgumentException($"destination holds {length} values, the box needs {size.Volume}");
    }

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();
}
