using System.Runtime.InteropServices;
using BitMiracle.LibTiff.Classic;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using LibTiff = BitMiracle.LibTiff.Classic.Tiff;

namespace Coloc.IO.Tiff;

/// <summary>
/// Writes ImageJ hyperstacks: one grey page per (t, z, c) in ImageJ order <c>page = (t·Z + z)·C + c</c>, the
/// ImageJ header (<see cref="ImageJDescription.Format"/>) in the first page's ImageDescription, and
/// X/YResolution = 1 / voxel size (pixels per µm, ResolutionUnit none, <c>unit=micron</c>). Little-endian. The file
/// appears complete or not at all (written to a temporary file, then renamed). Memory: one plane.
/// </summary>
public static class TiffStackWriter
{
    /// <summary>Writes one frame from one volume per channel (all the same shape).</summary>
    public static void Write<T>(string path, IReadOnlyList<IVolume<T>> channels, TiffWriteOptions? options = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0) throw new ArgumentException("need at least one channel", nameof(channels));
        var shape = channels[0].Shape;
        if (channels.Any(c => c.Shape != shape)) throw new ArgumentException("all channels must have the same shape", nameof(channels));
        Write<T>(path, shape, channels.Count, 1, (c, z, _, dst) => channels[c].Plane(z).CopyTo(dst), options);
    }

    /// <summary>Writes <paramref name="frames"/> × <paramref name="channels"/> volumes of <paramref name="shape"/> z,y,x, asking <paramref name="planes"/> for each plane in page order.</summary>
    public static void Write<T>(string path, ZyxInt shape, int channels, int frames, TiffPlaneSource<T> planes, TiffWriteOptions? options = null)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(planes);
        options ??= new TiffWriteOptions();
        var type = TiffPixelTypes.Of<T>();
        if (shape.Z < 1 || shape.Y < 1 || shape.X < 1 || channels < 1 || frames < 1)
            throw new ArgumentOutOfRangeException(nameof(shape), $"shape {shape}, channels {channels}, frames {frames} must all be ≥ 1");
        if (options.TileSize != 0 && (options.TileSize < 16 || options.TileSize % 16 != 0))
            throw new ArgumentOutOfRangeException(nameof(options), options.TileSize, "tile size must be a positive multiple of 16");
        var res = options.ResolutionUm;
        if (!res.IsFinite || res.Min <= 0) throw new ArgumentOutOfRangeException(nameof(options), res, "resolution must be finite and > 0");
        var header = new ImageJDescription(channels * shape.Z * frames, channels, shape.Z, frames, "micron", res.Z).Format();
        LibTiffMessageRouter.EnsureInstalled();
        WriteAtomically(path, stream =>
        {
            var messages = new TiffMessages(path, null);
            using var tif = LibTiff.ClientOpen(path, options.BigTiff ? "w8" : "w", messages, new MessageTiffStream(stream, ownsStream: false))
                ?? throw new ColocFormatException($"{path}: cannot write TIFF: {messages.TakeError() ?? "unknown error"}");
            var plane = new T[(long)shape.Y * shape.X];
            for (int t = 0; t < frames; t++)
            for (int z = 0; z < shape.Z; z++)
            for (int c = 0; c < channels; c++)
            {
                planes(c, z, t, plane);
                WritePage(tif, messages, type, shape, options, MemoryMarshal.AsBytes(plane.AsSpan()), (t * shape.Z + z) * channels + c == 0 ? header : null);
            }
        });
    }

    // Like AtomicFile.Write, but the temporary file is opened read-write: LibTiff.NET reads the IFD chain back
    // while linking each new page.
    private static void WriteAtomically(string path, Action<Stream> write)
    {
        string full = System.IO.Path.GetFullPath(path);
        string dir = System.IO.Path.GetDirectoryName(full) ?? ".";
        string tmp = Files.StaleTemporaries.Name(dir, System.IO.Path.GetFileName(full), "tmp");
        try
        {
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(fs);
                fs.Flush(true);
            }
            File.Move(tmp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(tmp);
            throw new ColocFormatException($"{path}: cannot write: {e.Message}", e);
        }
        catch
        {
            File.Delete(tmp);
            throw;
        }
    }

    private static void WritePage(LibTiff tif, TiffMessages messages, TiffPixelType type, ZyxInt shape, TiffWriteOptions o, ReadOnlySpan<byte> plane, string? header)
    {
        int bpp = type.BytesPerSample();
        tif.SetField(TiffTag.SUBFILETYPE, FileType.PAGE);
        tif.SetField(TiffTag.IMAGEWIDTH, shape.X);
        tif.SetField(TiffTag.IMAGELENGTH, shape.Y);
        tif.SetField(TiffTag.BITSPERSAMPLE, bpp * 8);
        tif.SetField(TiffTag.SAMPLESPERPIXEL, 1);
        tif.SetField(TiffTag.SAMPLEFORMAT, (SampleFormat)type.SampleFormatTag());
        tif.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
        tif.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
        tif.SetField(TiffTag.COMPRESSION, o.Compression switch
        {
            TiffCompression.Lzw => Compression.LZW,
            TiffCompression.Deflate => Compression.ADOBE_DEFLATE,
            TiffCompression.PackBits => Compression.PACKBITS,
            _ => Compression.NONE,
        });
        if (header is not null) tif.SetField(TiffTag.IMAGEDESCRIPTION, header);
        tif.SetField(TiffTag.XRESOLUTION, 1.0 / o.ResolutionUm.X);
        tif.SetField(TiffTag.YRESOLUTION, 1.0 / o.ResolutionUm.Y);
        tif.SetField(TiffTag.RESOLUTIONUNIT, ResUnit.NONE);
        int rowBytes = shape.X * bpp;
        if (o.TileSize > 0)
        {
            int ts = o.TileSize;
            tif.SetField(TiffTag.TILEWIDTH, ts);
            tif.SetField(TiffTag.TILELENGTH, ts);
            var tile = new byte[ts * ts * bpp];
            for (int ty = 0; ty < shape.Y; ty += ts)
            for (int tx = 0; tx < shape.X; tx += ts)
            {
                Array.Clear(tile);
                int rows = Math.Min(ts, shape.Y - ty), cols = Math.Min(ts, shape.X - tx);
                for (int r = 0; r < rows; r++)
                    plane.Slice((ty + r) * rowBytes + tx * bpp, cols * bpp).CopyTo(tile.AsSpan(r * ts * bpp));
                Check(messages, tif.WriteEncodedTile(tif.ComputeTile(tx, ty, 0, 0), tile, tile.Length) >= 0, "tile");
            }
        }
        else
        {
            int rps = o.RowsPerStrip > 0 ? Math.Min(o.RowsPerStrip, shape.Y) : shape.Y;
            tif.SetField(TiffTag.ROWSPERSTRIP, rps);
            for (int s = 0, y = 0; y < shape.Y; s++, y += rps)
            {
                int rows = Math.Min(rps, shape.Y - y);
                var strip = plane.Slice(y * rowBytes, rows * rowBytes).ToArray();
                Check(messages, tif.WriteEncodedStrip(s, strip, strip.Length) >= 0, "strip");
            }
        }
        Check(messages, tif.WriteDirectory(), "page");
    }

    private static void Check(TiffMessages messages, bool ok, string what)
    {
        if (messages.TakeError() is { } err) throw new ColocFormatException($"{messages.Path}: cannot write {what}: {err}");
        if (!ok) throw new ColocFormatException($"{messages.Path}: cannot write {what}");
    }
}
