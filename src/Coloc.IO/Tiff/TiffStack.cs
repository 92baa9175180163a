using Coloc.Core.Geometry;
using Coloc.IO.Images;

namespace Coloc.IO.Tiff;

/// <summary>
/// A TIFF file seen as a 5-D image t,z,c,y,x of one pixel type, read on demand plane by plane or block by block
/// (memory bounded by what is read, never the whole file). ImageJ hyperstacks (ImageDescription starting
/// <c>ImageJ=</c>) give channels, slices and frames, pages ordered <c>page = (t·Z + z)·C + c</c>; OME-TIFF (OME-XML
/// ImageDescription) gives them, the page of each plane and the voxel size from its first image's Pixels (see
/// <see cref="OmeTiffDescription"/>); any other multi-page file is one channel, one frame, one z slice per page. Strips or tiles, uncompressed or any codec
/// LibTiff.NET decodes (LZW, Deflate, PackBits, …), classic or BigTIFF, either byte order. Arrays are z,y,x with x
/// fastest, exactly as stored (no y/x swap). Reads may run on several threads at once (uncompressed strips in
/// parallel, compressed data one request at a time); <see cref="ImageStack.Channel{T}"/> views each keep their own buffer.
/// </summary>
public sealed class TiffStack : ImageStack
{
    private readonly TiffPageReader _reader;
    private readonly int[]? _pages;

    private TiffStack(TiffPageReader reader, int channels, int slices, int frames, Zyx resolutionUm, ImageJDescription? imageJ, int[]? pages = null)
    {
        _reader = reader;
        _pages = pages;
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
            else if (OmeTiffDescription.TryParse(reader.Description, path, reader.Width, reader.Height, reader.PageCount, warn) is { } ome)
                return new TiffStack(reader, ome.SizeC, ome.SizeZ, ome.SizeT, ome.ResolutionUm, null, ome.Pages);
            return new TiffStack(reader, c, z, t, TiffCalibration.ResolutionUm(ij, reader.Resolution.X, reader.Resolution.Y, reader.Resolution.Unit), ij);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public override string Path => _reader.Path;

    /// <inheritdoc/>
    public override ZyxInt Shape { get; }

    /// <inheritdoc/>
    public override int Channels { get; }

    /// <inheritdoc/>
    public override int Frames { get; }

    /// <summary>
    /// Voxel size z,y,x in µm: y,x = 1 / YResolution, 1 / XResolution (denominator / numerator) in the ImageJ <c>unit</c> (or
    /// centimetres when ResolutionUnit is cm), z = the ImageJ <c>spacing</c> in that unit; (1, 1, 1) if the file is
    /// uncalibrated (no known unit). See <see cref="TiffCalibration"/>. An OME-TIFF's is PhysicalSizeZ/Y/X converted
    /// from its units (1 on an axis without one).
    /// </summary>
    public override Zyx ResolutionUm { get; }

    /// <inheritdoc/>
    public override TiffPixelType PixelType => _reader.PixelType;

    /// <inheritdoc/>
    public override long Bytes => new FileInfo(Path).Length;

    /// <inheritdoc/>
    public override DateTime ModifiedUtc => File.GetLastWriteTimeUtc(Path);

    /// <summary>The parsed ImageJ header, or null for a plain multi-page file.</summary>
    public ImageJDescription? ImageJ { get; }

    /// <summary>The page holding plane (c, z, t): <c>(t·Z + z)·C + c</c>, or where the OME-XML puts it.</summary>
    public int PageIndex(int channel, int z, int frame = 0)
    {
        if ((uint)channel >= (uint)Channels) throw new ArgumentOutOfRangeException(nameof(channel), channel, $"channel must be in [0, {Channels})");
        if ((uint)z >= (uint)Shape.Z) throw new ArgumentOutOfRangeException(nameof(z), z, $"z must be in [0, {Shape.Z})");
        if ((uint)frame >= (uint)Frames) throw new ArgumentOutOfRangeException(nameof(frame), frame, $"frame must be in [0, {Frames})");
        int i = (frame * Shape.Z + z) * Channels + channel;
        return _pages is null ? i : _pages[i];
    }

    /// <summary>As <see cref="ReadRaw"/>, for readers built on TIFF files (plane folders).</summary>
    internal void ReadBytes(int channel, int frame, ZyxInt offset, ZyxInt size, Span<byte> destination) =>
        ReadRaw(channel, frame, offset, size, destination);

    /// <summary>Decodes only the strips or tiles the box touches, one page per z.</summary>
    protected override void ReadRaw(int channel, int frame, ZyxInt offset, ZyxInt size, Span<byte> destination)
    {
        int planeBytes = size.Y * size.X * _reader.BytesPerPixel;
        for (int dz = 0; dz < size.Z; dz++)
            _reader.ReadRegion(PageIndex(channel, offset.Z + dz, frame), new TiffRegion(offset.Y, offset.X, size.Y, size.X), destination.Slice(dz * planeBytes, planeBytes));
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) _reader.Dispose();
    }
}
