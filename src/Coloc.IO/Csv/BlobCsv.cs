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

    /// <summary>Reads the blobs of a CSV file in row order.</summary>
    /// <exception cref="ColocFormatException">The file is missing, lacks a required column, or holds a value that is not a finite number (or a channel that is not a whole number ≥ 0).</exception>
    public static Blob[] Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new ColocFormatException($"{path}: blob file not found");
        try
        {
            using var r = new StreamReader(path, System.Text.Encoding.UTF8, true, 1 << 16);
            return Read(r, path);
        }
        catch (IOException e)
        {
            throw new ColocFormatException($"{path}: cannot read: {e.Message}", e);
        }
    }

    /// <summary>Reads blobs from a reader; <paramref name="name"/> names the source in error messages.</summary>
    public static Blob[] Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? header = reader.ReadLine();
        if (header is null) throw new ColocFormatException($"{name}: empty file, expected the header '{Header}'");
        var names = header.Trim().TrimStart('\uFEFF').Split(',').Select(s => s.Trim()).ToArray();
        var need = Header.Split(',');
        var col = new int[need.Length];
        for (int k = 0; k < need.Length; k++)
        {
            col[k] = Array.IndexOf(names, need[k]);
            if (col[k] < 0)
                throw new ColocFormatException($"{name}:1: header lacks column '{need[k]}' (need {Header}; got '{header}')");
        }
        int width = names.Length;
        var blobs = new List<Blob>();
        Span<double> vals = stackalloc double[Blob.CanonicalColumnCount];
        Span<Range> parts = new Range[width + 1];
        int lineNo = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            var span = line.AsSpan();
            if (span.IsWhiteSpace()) continue;
            int n = span.Split(parts, ',');
            if (n != width)
                throw new ColocFormatException($"{name}:{lineNo}: {n} fields, header has {width}");
            for (int k = 0; k < need.Length; k++)
            {
                var field = span[parts[col[k]]];
                if (!CsvNumber.TryParse(field, out vals[k]))
                    throw new ColocFormatException($"{name}:{lineNo}: column '{need[k]}' is not a number: '{field.ToString()}'");
                if (!double.IsFinite(vals[k]))
                    throw new ColocFormatException($"{name}:{lineNo}: column '{need[k]}' must be finite, got '{field.ToString()}'");
            }
            if (vals[6] < 0 || vals[6] != Math.Floor(vals[6]) || vals[6] > int.MaxValue)
                throw new ColocFormatException($"{name}:{lineNo}: channel must be a whole number >= 0, got {CsvNumber.Format(vals[6])}");
            blobs.Add(new Blob(vals[0], vals[1], vals[2], vals[3], vals[4], vals[5], vals[6]));
        }
        return blobs.ToArray();
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
