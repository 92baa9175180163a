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

    /// <summary>Writes the rows of <paramref name="matches"/> in table order.</summary>
    public static void Write(TextWriter w, BlobMatch matches)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(matches);
        w.Write(Header);
        w.Write('\n');
        foreach (var r in matches.Rows)
        {
            WriteId(w, r.MatchId); w.Write(',');
            WriteId(w, r.RoiId); w.Write(',');
            WriteId(w, r.Blob1Id); w.Write(',');
            WriteBlob(w, r.Blob1); w.Write(',');
            WriteId(w, r.Blob2Id); w.Write(',');
            WriteBlob(w, r.Blob2); w.Write(',');
            CsvNumber.Write(w, r.Distance);
            w.Write('\n');
        }
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

    private static void WriteId(TextWriter w, long? id)
    {
        if (id is long v) w.Write(v);
    }

    private static void WriteBlob(TextWriter w, in Blob b)
    {
        for (int k = 0; k < Blob.CanonicalColumnCount; k++)
        {
            if (k > 0) w.Write(',');
            CsvNumber.Write(w, b[k]);
        }
    }
}
