using System.Text;
using Coloc.Core.Blobs;
using Coloc.IO.Csv;

namespace Coloc.IO.Blobs;

/// <summary>
/// The blob formats Coloc reads and writes, chosen by content (and, for writing, by extension): ImageJ ROIs start with
/// <c>Iout</c>; a ZIP is a MagellanMapper archive when it holds <c>.npy</c> members and a RoiSet.zip when it holds
/// <c>.roi</c> ones; XML is TrackMate or Cell Counter by its root element; other text is Coloc's CSV, or delimited
/// text with a column map when <see cref="BlobReadOptions.Columns"/> is set. See each <see cref="BlobFormat"/>.
/// </summary>
public static class BlobFormats
{
    /// <summary>The first bytes of a <c>.npy</c> file (<c>\x93NUMPY</c>; a u8 literal would encode \x93 as two bytes).</summary>
    private static ReadOnlySpan<byte> NpyMagic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>The format of the file at <paramref name="path"/>.</summary>
    /// <exception cref="ColocFormatException">Missing, empty or of no blob format; the message names the file.</exception>
    public static BlobFormat Detect(string path, BlobReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path)) throw new ColocFormatException($"{path}: is a folder, not a blob file");
        if (!File.Exists(path)) throw new ColocFormatException($"{path}: blob file not found");
        var head = new byte[512];
        int n;
        try
        {
            using var fs = File.OpenRead(path);
            n = fs.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ColocFormatException($"{path}: cannot read: {e.Message}", e);
        }
        var h = head.AsSpan(0, n);
        if (n == 0) throw new ColocFormatException($"{path}: empty file");
        if (h.StartsWith("Iout"u8)) return BlobFormat.ImageJRoi;
        if (h.StartsWith(NpyMagic)) throw new ColocFormatException($"{path}: a single .npy array, not a blob archive (*_blobs.npz)");
        if (h.StartsWith("PK"u8)) return ZipKind(path);
        var text = Encoding.UTF8.GetString(h).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('<'))
        {
            if (text.Contains("<TrackMate", StringComparison.Ordinal)) return BlobFormat.TrackMateXml;
            if (text.Contains("<CellCounter_Marker_File", StringComparison.Ordinal)) return BlobFormat.CellCounterXml;
            throw new ColocFormatException($"{path}: XML that is neither TrackMate (<TrackMate>) nor Cell Counter (<CellCounter_Marker_File>)");
        }
        if (h.Contains((byte)0)) throw new ColocFormatException($"{path}: binary file of no blob format (CSV, .npz, TrackMate/Cell Counter XML, .roi, RoiSet.zip)");
        return options?.Columns is null ? BlobFormat.Csv : BlobFormat.Delimited;
    }

    /// <summary>Reads one blob file in whatever supported format it is.</summary>
    /// <exception cref="ColocFormatException">Missing, damaged or unsupported file; one line naming the file and the problem.</exception>
    public static BlobTable Read(string path, BlobReadOptions? options = null)
    {
        options ??= BlobReadOptions.Default;
        try
        {
            return ReadAs(Detect(path, options), path, options);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            // ZIP archives (.npz, RoiSet.zip) report damage lazily, e.g. when their entries are first listed.
            throw new ColocFormatException($"{path}: damaged file ({e.Message.ReplaceLineEndings(" ")})", e);
        }
    }

    private static BlobTable ReadAs(BlobFormat format, string path, BlobReadOptions options)
    {
        return format switch
        {
            BlobFormat.Csv => new BlobTable(path, BlobFormat.Csv, BlobCsv.Read(path, options.Threads)) { ChannelFromFile = true },
            BlobFormat.Delimited => DelimitedBlobs.Read(path, options),
            BlobFormat.MagellanMapperArchive => ArchiveBlobs.Read(path),
            BlobFormat.TrackMateXml => TrackMateXml.Read(path, options.KeepFeatures),
            BlobFormat.CellCounterXml => CellCounterXml.Read(path),
            BlobFormat.ImageJRoi => ImageJRoiBlobs.ReadRoi(path, options),
            _ => ImageJRoiBlobs.ReadRoiSet(path, options),
        };
    }

    /// <summary>
    /// Reads several blob files and joins them in order. A file that does not give its blobs' channels (one ImageJ
    /// ROI without counters, a TrackMate file without a target channel, delimited text without a channel column)
    /// gives channel i, its place among <paramref name="paths"/> (0-based).
    /// </summary>
    public static BlobTable ReadAll(IReadOnlyList<string> paths, BlobReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0) throw new ArgumentException("no blob files given", nameof(paths));
        var tables = paths.Select((p, i) => Read(p, options) is var t && t.ChannelFromFile ? t : t.WithChannel(i)).ToList();
        return tables.Count == 1 ? tables[0] : Join(tables);
    }

    private static BlobTable Join(List<BlobTable> tables)
    {
        var names = tables.SelectMany(t => t.ExtraColumns).Distinct().ToList();
        int rows = tables.Sum(t => t.Blobs.Length);
        var blobs = new Blob[rows];
        var extra = new double[rows * names.Count];
        Array.Fill(extra, double.NaN);
        int at = 0;
        foreach (var t in tables)
        {
            t.Blobs.CopyTo(blobs, at);
            var where = t.ExtraColumns.Select(n => names.IndexOf(n)).ToArray();
            for (int r = 0; r < t.Blobs.Length; r++)
                for (int c = 0; c < where.Length; c++) extra[(at + r) * names.Count + where[c]] = t.Extra(r, c);
            at += t.Blobs.Length;
        }
        return new BlobTable(string.Join("+", tables.Select(t => t.Source)), tables[0].Format, blobs)
        {
            ExtraColumns = names,
            ExtraValues = extra,
            ChannelFromFile = true,
            ResolutionUm = tables.Select(t => t.ResolutionUm).FirstOrDefault(r => r is not null),
            ImageName = tables.Select(t => t.ImageName).FirstOrDefault(n => n is not null),
            Notes = tables.SelectMany(t => t.Notes.Select(n => $"{t.Source}: {n}")).ToList(),
        };
    }

    /// <summary>The format a blob file is written in, by the extension of <paramref name="path"/>.</summary>
    /// <exception cref="ColocFormatException">An extension of no writable format.</exception>
    public static BlobFormat WriteFormat(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => BlobFormat.Csv,
            ".roi" => BlobFormat.ImageJRoi,
            ".zip" => BlobFormat.ImageJRoiSet,
            ".xml" => BlobFormat.CellCounterXml,
            var e => throw new ColocFormatException($"{path}: cannot write blobs as '{e}' (use .csv, .roi, .zip (RoiSet) or .xml (Cell Counter))"),
        };
    }

    /// <summary>Writes <paramref name="table"/> in the format of <paramref name="path"/>'s extension, atomically.</summary>
    /// <param name="path">Output file: <c>.csv</c>, <c>.roi</c>, <c>.zip</c> (RoiSet) or <c>.xml</c> (Cell Counter).</param>
    /// <param name="table">The blobs, in voxels.</param>
    /// <param name="roiStackChannels">ImageJ ROIs: channels of the stack the points go on (see <see cref="BlobReadOptions.RoiStackChannels"/>); default 1.</param>
    /// <exception cref="ColocFormatException">The blobs do not fit the format (a channel beyond ImageJ's counters, z below 0); nothing is written.</exception>
    public static void Write(string path, BlobTable table, int roiStackChannels = 1)
    {
        ArgumentNullException.ThrowIfNull(table);
        switch (WriteFormat(path))
        {
            case BlobFormat.Csv: BlobTableCsv.Write(path, table); break;
            case BlobFormat.ImageJRoi: ImageJRoiBlobs.WriteRoi(path, table.Blobs, roiStackChannels); break;
            case BlobFormat.ImageJRoiSet: ImageJRoiBlobs.WriteRoiSet(path, table.Blobs, roiStackChannels); break;
            default: CellCounterXml.Write(path, table.Blobs, table.ImageName); break;
        }
    }

    private static BlobFormat ZipKind(string path)
    {
        using var zip = ImageJRoiBlobs.OpenZip(path);
        if (zip.Entries.Any(e => e.FullName.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))) return BlobFormat.MagellanMapperArchive;
        if (zip.Entries.Any(e => e.FullName.EndsWith(".roi", StringComparison.OrdinalIgnoreCase))) return BlobFormat.ImageJRoiSet;
        throw new ColocFormatException($"{path}: ZIP with neither .npy members (MagellanMapper archive) nor .roi members (RoiSet.zip)");
    }
}
