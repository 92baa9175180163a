using Coloc.Core.Blobs;

namespace Coloc.IO.Csv;

/// <summary>
/// Blob tables as CSV in MagellanMapper's column meaning: a header naming at least
/// <c>z,y,x,radius,confirmed,truth,channel</c> (any order; other columns are ignored), one blob per line,
/// coordinates in voxels z,y,x, channel 0-based.
/// </summary>
public static class BlobCsv
{
    /// <summary>The header Coloc writes.</summary>
    public const string Header = "z,y,x,radius,confirmed,truth,channel";

    private static readonly string[] Need = Header.Split(',');

    /// <summary>
    /// Reads the blobs of a CSV file in row order. UTF-8 files are parsed in blocks of whole lines on
    /// <paramref name="threads"/> threads (0 = all cores); the result and any message are those of
    /// <see cref="Read(TextReader, string)"/>.
    /// </summary>
    /// <exception cref="ColocFormatException">The file is missing, lacks a required column, or holds a value that is not a finite number (or a channel that is not a whole number ≥ 0).</exception>
    public static Blob[] Read(string path, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new ColocFormatException($"{path}: blob file not found");
        try
        {
            var fast = BlobCsvReader.Read(path, threads > 0 ? threads : Environment.ProcessorCount);
            if (fast is not null) return fast;
            using var r = new StreamReader(path, System.Text.Encoding.UTF8, true, 1 << 16);
            return Read(r, path);
        }
        catch (IOException e)
        {
            throw new ColocFormatException($"{path}: cannot read: {e.Message}", e);
        }
    }

    /// <summary>
    /// Streams the blobs of a CSV file in row order as consecutive chunks, so a file larger than memory can be read;
    /// values and messages are those of <see cref="Read(string, int)"/> (a UTF-16/32 file is read whole, as one chunk).
    /// </summary>
    /// <exception cref="ColocFormatException">As <see cref="Read(string, int)"/>.</exception>
    public static void ReadChunks(string path, int threads, Action<Blob[]> chunk)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(chunk);
        if (!File.Exists(path)) throw new ColocFormatException($"{path}: blob file not found");
        try
        {
            if (BlobCsvReader.ReadChunks(path, threads > 0 ? threads : Environment.ProcessorCount, chunk)) return;
            using var r = new StreamReader(path, System.Text.Encoding.UTF8, true, 1 << 16);
            chunk(Read(r, path));
        }
        catch (IOException e)
        {
            throw new ColocFormatException($"{path}: cannot read: {e.Message}", e);
        }
    }

    /// <summary>
    /// About how many blobs a CSV file holds, without reading it all: its size over the mean length of the lines in
    /// its first MiB (exact for a file of at most that size, up to blank lines). 0 for a missing or empty file.
    /// </summary>
    public static long EstimateCount(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var head = new byte[(int)Math.Min(fs.Length, 1 << 20)];
            int got = fs.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var span = head.AsSpan(0, got);
            int first = span.IndexOf((byte)'\n');
            if (first < 0) return 0;
            int lines = span[(first + 1)..].Count((byte)'\n');
            if (got == fs.Length) return lines + (span[^1] == (byte)'\n' ? 0 : 1);
            return lines == 0 ? 1 : (long)Math.Ceiling((double)(fs.Length - first - 1) * lines / (got - first - 1));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Reads blobs from a reader; <paramref name="name"/> names the source in error messages.</summary>
    public static Blob[] Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? header = reader.ReadLine();
        if (header is null) throw new ColocFormatException($"{name}: empty file, expected the header '{Header}'");
        var (col, width) = ParseHeader(header, name);
        var blobs = new List<Blob>();
        var vals = new double[Blob.CanonicalColumnCount];
        long lineNo = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (ParseLine(line, col, width, name, lineNo, vals))
                blobs.Add(new Blob(vals[0], vals[1], vals[2], vals[3], vals[4], vals[5], vals[6]));
        }
        return blobs.ToArray();
    }

    /// <summary>The field index of each canonical column and the number of header fields.</summary>
    internal static (int[] Col, int Width) ParseHeader(string header, string name)
    {
        var names = header.Trim().TrimStart('\uFEFF').Split(',').Select(s => s.Trim()).ToArray();
        var col = new int[Need.Length];
        for (int k = 0; k < Need.Length; k++)
        {
            col[k] = Array.IndexOf(names, Need[k]);
            if (col[k] < 0)
                throw new ColocFormatException($"{name}:1: header lacks column '{Need[k]}' (need {Header}; got '{header}')");
        }
        return (col, names.Length);
    }

    /// <summary>Parses one data line into <paramref name="vals"/>; false for a blank line.</summary>
    internal static bool ParseLine(string line, int[] col, int width, string name, long lineNo, Span<double> vals)
    {
        var span = line.AsSpan();
        if (span.IsWhiteSpace()) return false;
        Span<Range> parts = width < 64 ? stackalloc Range[width + 1] : new Range[width + 1];
        int n = span.Split(parts, ',');
        if (n != width)
            throw new ColocFormatException($"{name}:{lineNo}: {n} fields, header has {width}");
        for (int k = 0; k < Need.Length; k++)
            ParseField(span[parts[col[k]]].ToString(), k, name, lineNo, vals);
        CheckChannel(vals[6], name, lineNo);
        return true;
    }

    /// <summary>Parses canonical column <paramref name="k"/> from its field text.</summary>
    internal static void ParseField(string field, int k, string name, long lineNo, Span<double> vals)
    {
        if (!CsvNumber.TryParse(field, out vals[k]))
            throw new ColocFormatException($"{name}:{lineNo}: column '{Need[k]}' is not a number: '{field}'");
        if (!double.IsFinite(vals[k]))
            throw new ColocFormatException($"{name}:{lineNo}: column '{Need[k]}' must be finite, got '{field}'");
    }

    /// <summary>Rejects a channel that is not a whole number in 0..int.MaxValue.</summary>
    internal static void CheckChannel(double channel, string name, long lineNo)
    {
        if (channel < 0 || channel != Math.Floor(channel) || channel > int.MaxValue)
            throw new ColocFormatException($"{name}:{lineNo}: channel must be a whole number >= 0, got {CsvNumber.Format(channel)}");
    }

    /// <summary>Writes blobs with the canonical header, atomically.</summary>
    public static void Write(string path, ReadOnlySpan<Blob> blobs)
    {
        var copy = blobs.ToArray();
        Files.AtomicFile.WriteText(path, w => Write(w, copy));
    }

    /// <summary>Writes blobs with the canonical header.</summary>
    public static void Write(TextWriter w, ReadOnlySpan<Blob> blobs)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.Write(Header);
        w.Write('\n');
        WriteRows(w, blobs);
    }

    /// <summary>Writes blob rows without the header (to stream a table written in pieces after <see cref="Header"/>).</summary>
    public static void WriteRows(TextWriter w, ReadOnlySpan<Blob> blobs)
    {
        ArgumentNullException.ThrowIfNull(w);
        foreach (var b in blobs)
        {
            for (int k = 0; k < Blob.CanonicalColumnCount; k++)
            {
                if (k > 0) w.Write(',');
                CsvNumber.Write(w, b[k]);
            }
            w.Write('\n');
        }
    }
}
