using Coloc.Core.Blobs;
using Coloc.Core.Matching;

namespace Coloc.IO.Csv;

/// <summary>
/// Match tables as CSV (format version 1): one row per match, MagellanMapper's <c>BlobMatch</c> columns with each blob
/// spread over its seven values. ID columns are empty until a database assigns ids. Distance is the scaled distance
/// (voxels of the largest tolerance axis).
/// </summary>
public static class MatchCsv
{
    /// <summary>The header, exactly.</summary>
    public const string Header =
        "MatchID,RoiID,Blob1ID,Blob1_z,Blob1_y,Blob1_x,Blob1_radius,Blob1_confirmed,Blob1_truth,Blob1_channel," +
        "Blob2ID,Blob2_z,Blob2_y,Blob2_x,Blob2_radius,Blob2_confirmed,Blob2_truth,Blob2_channel,Distance";

    /// <summary>
    /// Writes the rows of <paramref name="matches"/> in table order. Large tables are formatted in chunks on
    /// <paramref name="threads"/> threads (0 = all cores) and written in order, so the bytes never depend on it.
    /// </summary>
    public static void Write(TextWriter w, BlobMatch matches, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(matches);
        WriteHeader(w);
        WriteRows(w, matches.Rows, threads);
    }

    /// <summary>Writes the header line (a streamed table: this, then <see cref="WriteRows"/> for each piece in order).</summary>
    public static void WriteHeader(TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.Write(Header);
        w.Write('\n');
    }

    /// <summary>Writes rows without the header, exactly as <see cref="Write"/> does.</summary>
    public static void WriteRows(TextWriter w, IReadOnlyList<MatchRow> rows, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(rows);
        int chunks = (rows.Count + ChunkRows - 1) / ChunkRows;
        int parallel = Math.Max(1, threads > 0 ? threads : Environment.ProcessorCount);
        int wave = parallel * 2;
        var buffers = new char[Math.Min(wave, Math.Max(chunks, 1))][];
        var lengths = new int[buffers.Length];
        for (int first = 0; first < chunks; first += wave)
        {
            int count = Math.Min(wave, chunks - first);
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, k =>
            {
                int s = (first + k) * ChunkRows, e = Math.Min(rows.Count, s + ChunkRows);
                var buf = buffers[k] ??= new char[ChunkRows * MaxRowChars];
                int o = 0;
                for (int i = s; i < e; i++) o += FormatRow(rows[i], buf.AsSpan(o));
                lengths[k] = o;
            });
            for (int k = 0; k < count; k++) w.Write(buffers[k], 0, lengths[k]);
        }
    }

    private const int ChunkRows = 8192;

    /// <summary>Upper bound of one row: 19 fields of at most 32 characters, 18 commas, a newline.</summary>
    private const int MaxRowChars = 19 * 32 + 19;

    private static int FormatRow(in MatchRow r, Span<char> d)
    {
        int o = Id(r.MatchId, d);
        d[o++] = ',';
        o += Id(r.RoiId, d[o..]);
        d[o++] = ',';
        o += Id(r.Blob1Id, d[o..]);
        d[o++] = ',';
        o += Blob(r.Blob1, d[o..]);
        d[o++] = ',';
        o += Id(r.Blob2Id, d[o..]);
        d[o++] = ',';
        o += Blob(r.Blob2, d[o..]);
        d[o++] = ',';
        o += CsvNumber.Format(r.Distance, d[o..]);
        d[o++] = '\n';
        return o;
    }

    private static int Id(long? id, Span<char> d)
    {
        if (id is not long v) return 0;
        v.TryFormat(d, out int n, default, System.Globalization.CultureInfo.InvariantCulture);
        return n;
    }

    private static int Blob(in Blob b, Span<char> d)
    {
        int o = 0;
        for (int k = 0; k < Coloc.Core.Blobs.Blob.CanonicalColumnCount; k++)
        {
            if (k > 0) d[o++] = ',';
            o += CsvNumber.Format(b[k], d[o..]);
        }
        return o;
    }

    /// <summary>Reads a match table written by <see cref="Write"/>.</summary>
    /// <exception cref="ColocFormatException">Wrong header or a malformed row.</exception>
    public static BlobMatch Read(TextReader r, string name)
    {
        ArgumentNullException.ThrowIfNull(r);
        var header = r.ReadLine();
        if (header?.Trim() != Header) throw new ColocFormatException($"{name}:1: not a Coloc match table (expected header '{Header}')");
        var rows = new List<MatchRow>();
        string? line;
        int lineNo = 1;
        while ((line = r.ReadLine()) is not null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var f = line.Split(',');
            if (f.Length != 19) throw new ColocFormatException($"{name}:{lineNo}: {f.Length} fields, expected 19");
            double D(int k) => CsvNumber.TryParse(f[k], out var v) ? v
                : throw new ColocFormatException($"{name}:{lineNo}: field {k + 1} is not a number: '{f[k]}'");
            long? Id(int k) => f[k].Length == 0 ? null : long.TryParse(f[k], out var v) ? v
                : throw new ColocFormatException($"{name}:{lineNo}: field {k + 1} is not an id: '{f[k]}'");
            Blob B(int k) => new(D(k), D(k + 1), D(k + 2), D(k + 3), D(k + 4), D(k + 5), D(k + 6));
            rows.Add(new MatchRow(Id(0), Id(1), Id(2), B(3), Id(10), B(11), D(18)));
        }
        return new BlobMatch(rows.ToArray());
    }
}
