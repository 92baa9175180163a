using BitMiracle.LibTiff.Classic;
using LibTiff = BitMiracle.LibTiff.Classic.Tiff;

namespace Coloc.IO.Tiff;

/// <summary>
/// Reads the pages of one TIFF file with LibTiff.NET: walks the IFD chain once (checking that every page is a single
/// grey-scale sample of one size and type), then reads any rectangle of any page by decoding only the strips or
/// tiles it touches. Every LibTiff.NET error, exception or short read becomes a <see cref="ColocFormatException"/>
/// naming the file, the page and the problem. Reads may come from several threads: uncompressed strips are read with
/// positional reads, everything else is decoded under a lock.
/// </summary>
internal sealed class TiffPageReader : IDisposable
{
    private readonly LibTiff _tif;
    private readonly TiffMessages _messages;
    private readonly List<TiffPage> _pages = new();
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _raw;
    private bool _swapped;
    private int _current = -1;
    private byte[] _block = [];

    private TiffPageReader(LibTiff tif, TiffMessages messages, Microsoft.Win32.SafeHandles.SafeFileHandle raw)
    {
        _tif = tif;
        _messages = messages;
        _raw = raw;
    }

    internal string Path => _messages.Path;
    internal int Width { get; private set; }
    internal int Height { get; private set; }
    internal TiffPixelType PixelType { get; private set; }
    internal int PageCount => _pages.Count;
    internal int BytesPerPixel => PixelType.BytesPerSample();

    /// <summary>The ImageDescription of the first page, or null.</summary>
    internal string? Description { get; private set; }

    /// <summary>Pixel width and height in resolution units (1 / X/YResolution, as denominator / numerator; 0 if absent) and ResolutionUnit (1 none, 2 inch, 3 cm) of the first page.</summary>
    internal (double X, double Y, int Unit) Resolution { get; private set; }

    internal static TiffPageReader Open(string path, Action<string>? warn)
    {
        LibTiffMessageRouter.EnsureInstalled();
        var messages = new TiffMessages(path, warn);
        messages.Hold();   // released once the file is open: a refused file gets its one error line only
        FileStream fs;
        try
        {
            fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ColocFormatException($"{path}: cannot open: {e.Message}", e);
        }
        LibTiff? tif = null;
        try
        {
            if (fs.Length < 8) throw new ColocFormatException($"{path}: not a TIFF file ({fs.Length} bytes)");
            TiffTagSizeCheck.Check(fs, path);
            // "c": no strip chopping, so a strip is read in one piece.
            tif = LibTiff.ClientOpen(path, "rc", messages, new MessageTiffStream(fs));
            if (tif is null)
                throw new ColocFormatException($"{path}: not a readable TIFF file: {messages.TakeError() ?? "unknown error"}");
            var reader = new TiffPageReader(tif, messages, File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess));
            try
            {
                reader._swapped = tif.IsByteSwapped();
                reader.WalkPages();
            }
            catch
            {
                reader._raw.Dispose();
                throw;
            }
            messages.Release();
            return reader;
        }
        catch (ColocFormatException)
        {
            Close(tif, fs);
            throw;
        }
        catch (OutOfMemoryException e)
        {
            // LibTiff.NET materializes a tag's whole value while reading a page header: a claim beyond the file is
            // refused before (TiffTagSizeCheck); one the file could hold but memory cannot ends here.
            Close(tif, fs);
            throw new ColocFormatException($"{path}: damaged TIFF header: a tag claims more data than the file holds ({e.Message})", e);
        }
        catch (Exception e)
        {
            Close(tif, fs);
            throw new ColocFormatException($"{path}: damaged TIFF file: {e.Message}", e);
        }
    }

    private static void Close(LibTiff? tif, FileStream fs)
    {
        try { tif?.Dispose(); } catch (Exception) { /* already failing */ }
        fs.Dispose();
    }

    private void WalkPages()
    {
        var seen = new HashSet<long>();
        while (true)
        {
            long offset = _tif.CurrentDirOffset();
            if (!seen.Add(offset)) throw Fail($"the page (IFD) chain loops back to offset {offset} after {_pages.Count} pages");
            _pages.Add(Describe(_pages.Count, offset));
            _current = _pages.Count - 1;
            bool more = _tif.ReadDirectory();
            if (_messages.TakeError() is { } err) throw Fail($"cannot read page {_pages.Count}: {err}");
            if (!more) break;
        }
    }

    private TiffPage Describe(int index, long offset)
    {
        int width = Int(TiffTag.IMAGEWIDTH, 0), height = Int(TiffTag.IMAGELENGTH, 0);
        int spp = Int(TiffTag.SAMPLESPERPIXEL, 1), bps = Int(TiffTag.BITSPERSAMPLE, 1), sf = Int(TiffTag.SAMPLEFORMAT, 1);
        if (width <= 0 || height <= 0) throw Fail($"page {index} has size {width}×{height}");
        if (spp != 1) throw Fail($"page {index} has {spp} samples per pixel; only single-sample (grey) pages are supported, not RGB or other multi-sample pages");
        var type = TiffPixelTypes.FromTags(bps, sf)
            ?? throw Fail($"page {index} has {bps} bits per sample with SampleFormat {sf}; supported are 8/16/32-bit integers and 32-bit float");
        if ((long)width * height * type.BytesPerSample() > Array.MaxLength)
            throw Fail($"page {index} ({width}×{height}) is larger than 2 GB; such planes are not supported");
        if (index == 0)
        {
            Width = width; Height = height; PixelType = type;
            Description = _tif.GetField(TiffTag.IMAGEDESCRIPTION)?[0].ToString();
            Resolution = (UnitsPerPixel(offset, TiffTag.XRESOLUTION), UnitsPerPixel(offset, TiffTag.YRESOLUTION), Int(TiffTag.RESOLUTIONUNIT, 2));
        }
        else if (width != Width || height != Height || type != PixelType)
        {
            throw Fail($"page {index} is {width}×{height} {type} but page 0 is {Width}×{Height} {PixelType}; all pages must match");
        }
        int compression = Int(TiffTag.COMPRESSION, 1);
        bool checkDeflate = compression is 8 or 32946 && Int(TiffTag.PREDICTOR, 1) == 1;
        if (_tif.IsTiled())
        {
            int tw = Int(TiffTag.TILEWIDTH, 0), tl = Int(TiffTag.TILELENGTH, 0);
            if (tw <= 0 || tl <= 0) throw Fail($"page {index} is tiled with tile size {tw}×{tl}");
            // A tile is decoded whole: one far larger than the page (a damaged or hostile header) is refused before
            // its buffer is allocated.
            if ((long)tw * tl * type.BytesPerSample() > 4L * width * height * type.BytesPerSample() + (1 << 20))
                throw Fail($"page {index} ({width}×{height}) has tiles of {tw}×{tl}, far larger than the page");
            return new TiffPage(offset, true, tw, tl, null, checkDeflate);
        }
        int rps = Int(TiffTag.ROWSPERSTRIP, height);
        if (rps <= 0 || rps > height) rps = height;
        long[]? raw = null;
        if (compression == 1)
        {
            raw = Longs(TiffTag.STRIPOFFSETS);
            var counts = Longs(TiffTag.STRIPBYTECOUNTS);
            int strips = (height + rps - 1) / rps;
            if (raw is null || counts is null || raw.Length < strips || counts.Length < strips)
                throw Fail($"page {index} lists {raw?.Length ?? 0} strip offsets and {counts?.Length ?? 0} byte counts for {strips} strips");
            long rowBytes = (long)width * type.BytesPerSample();
            for (int k = 0; k < strips; k++)
            {
                long need = Math.Min(rps, height - k * rps) * rowBytes;
                if (counts[k] < need || raw[k] < 0) throw Fail($"page {index} strip {k} has {counts[k]} bytes at offset {raw[k]}, needs {need}");
                if (raw[k] + need > RandomAccess.GetLength(_raw))
                    throw Fail($"page {index} strip {k} ends at byte {raw[k] + need} but the file has {RandomAccess.GetLength(_raw)} bytes (truncated)");
            }
        }
        return new TiffPage(offset, false, width, rps, raw, checkDeflate);
    }

    /// <summary>
    /// Decodes <paramref name="region"/> of page <paramref name="page"/> into <paramref name="destination"/>
    /// (row-major, <c>Height·Width·BytesPerPixel</c> bytes, native byte order).
    /// </summary>
    internal void ReadRegion(int page, TiffRegion region, Span<byte> destination)
    {
        if ((uint)page >= (uint)_pages.Count) throw new ArgumentOutOfRangeException(nameof(page), page, $"page must be in [0, {_pages.Count})");
        if (region.Y < 0 || region.X < 0 || region.Height < 0 || region.Width < 0 || region.Y + region.Height > Height || region.X + region.Width > Width)
            throw new ArgumentOutOfRangeException(nameof(region), region, $"region must lie in the {Height}×{Width} page");
        int bpp = BytesPerPixel;
        if (destination.Length < region.Pixels * bpp)
            throw new ArgumentException($"destination holds {destination.Length} bytes, region needs {region.Pixels * bpp}", nameof(destination));
        if (region.Pixels == 0) return;
        try
        {
            var p = _pages[page];
            if (p.RawStripOffsets is { } offsets)
            {
                TiffRawStrips.Read(_raw, Path, page, p.BlockHeight, offsets, Width, Height, BytesPerPixel, _swapped, region, destination);
                return;
            }
            lock (_tif)   // LibTiff.NET keeps per-file state: decode one request at a time; raw strips need no lock
                DecodeRegion(page, p, region, destination);
        }
        catch (Exception e) when (e is not ColocFormatException and not OutOfMemoryException and not ArgumentException)
        {
            throw Fail($"page {page} cannot be decoded: {e.Message}", e);
        }
    }

    private void DecodeRegion(int page, TiffPage p, TiffRegion region, Span<byte> destination)
    {
        int bpp = BytesPerPixel;
        Select(page);
        int by0 = region.Y / p.BlockHeight, by1 = (region.Y + region.Height - 1) / p.BlockHeight;
        int bx0 = region.X / p.BlockWidth, bx1 = (region.X + region.Width - 1) / p.BlockWidth;
        for (int by = by0; by <= by1; by++)
        {
            for (int bx = bx0; bx <= bx1; bx++)
            {
                int top = by * p.BlockHeight, left = bx * p.BlockWidth;
                int rows = p.Tiled ? p.BlockHeight : Math.Min(p.BlockHeight, Height - top);
                int stride = p.BlockWidth * bpp;
                var block = Decode(page, p, by, bx, rows * stride);
                int y0 = Math.Max(top, region.Y), y1 = Math.Min(top + rows, region.Y + region.Height);
                int x0 = Math.Max(left, region.X), x1 = Math.Min(left + p.BlockWidth, region.X + region.Width);
                int rowBytes = (x1 - x0) * bpp;
                for (int y = y0; y < y1; y++)
                {
                    block.Slice((y - top) * stride + (x0 - left) * bpp, rowBytes)
                        .CopyTo(destination.Slice(((y - region.Y) * region.Width + (x0 - region.X)) * bpp, rowBytes));
                }
            }
        }
    }

    private ReadOnlySpan<byte> Decode(int page, TiffPage p, int by, int bx, int expected)
    {
        if (_block.Length < expected) _block = new byte[expected];
        int n, index = p.Tiled ? _tif.ComputeTile(bx * p.BlockWidth, by * p.BlockHeight, 0, 0) : by;
        int warnings = _messages.WarningCount;
        n = p.Tiled ? _tif.ReadEncodedTile(index, _block, 0, expected) : _tif.ReadEncodedStrip(index, _block, 0, expected);
        string what = p.Tiled ? $"tile {by},{bx}" : $"strip {by}";
        if (_messages.TakeError() is { } err) throw Fail($"page {page} {what}: {err}");
        // LibTiff.NET's LZW decoder only warns when a strip ends early ("Not enough data") and fills the rest with
        // zeros: a warning while decoding is damaged data, refused like the other codecs' errors.
        if (_messages.WarningCount != warnings) throw Fail($"page {page} {what}: {_messages.LastWarning} (data truncated or damaged)");
        if (n < expected) throw Fail($"page {page} {what}: got {Math.Max(n, 0)} of {expected} bytes (file truncated or damaged)");
        if (p.CheckDeflate)
        {
            long size = p.Tiled ? _tif.RawTileSize(index) : _tif.RawStripSize(index);
            if (size <= 0 || size > int.MaxValue || size > RandomAccess.GetLength(_raw))
                throw Fail($"page {page} {what}: compressed size {size} is not valid (the file has {RandomAccess.GetLength(_raw)} bytes)");
            var raw = new byte[size];
            int got = p.Tiled ? _tif.ReadRawTile(index, raw, 0, raw.Length) : _tif.ReadRawStrip(index, raw, 0, raw.Length);
            if (_messages.TakeError() is { } rawErr) throw Fail($"page {page} {what}: {rawErr}");
            if (got != raw.Length || !DeflateChecksum.Matches(raw, _block.AsSpan(0, expected), _swapped, BytesPerPixel))
                throw Fail($"page {page} {what}: Deflate data is damaged (checksum mismatch)");
        }
        return _block.AsSpan(0, expected);
    }

    private void Select(int page)
    {
        if (page == _current) return;
        _current = -1;
        bool ok = _tif.SetSubDirectory(_pages[page].DirectoryOffset);
        if (_messages.TakeError() is { } err) throw Fail($"cannot read page {page}: {err}");
        if (!ok) throw Fail($"cannot read page {page}");
        _current = page;
    }

    private int Int(TiffTag tag, int fallback)
    {
        var v = _tif.GetField(tag);
        return v is { Length: > 0 } ? v[0].ToInt() : fallback;
    }

    private long[]? Longs(TiffTag tag)
    {
        var v = _tif.GetField(tag);
        if (v is null) return null;
        foreach (var f in v)
            if (f.Value is Array a and not byte[])
            {
                var r = new long[a.Length];
                for (int i = 0; i < a.Length; i++) r[i] = Convert.ToInt64(a.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                return r;
            }
        return null;
    }

    private double UnitsPerPixel(long ifdOffset, TiffTag tag)
    {
        if (TiffRationalTag.Read(_raw, ifdOffset, (int)tag) is { Numerator: > 0, Denominator: > 0 } r)
            return (double)r.Denominator / r.Numerator;
        var v = _tif.GetField(tag);
        double perUnit = v is { Length: > 0 } ? v[0].ToDouble() : 0;
        return perUnit > 0 && double.IsFinite(perUnit) ? 1 / perUnit : 0;
    }

    private ColocFormatException Fail(string problem, Exception? inner = null) =>
        inner is null ? new ColocFormatException($"{Path}: {problem}") : new ColocFormatException($"{Path}: {problem}", inner);

    /// <inheritdoc/>
    public void Dispose()
    {
        _tif.Dispose();
        _raw.Dispose();
    }
}
