using Coloc.Core.Blobs;
using Coloc.IO.Csv;

namespace Coloc.IO.Blobs;

/// <summary>
/// Blobs from delimited text with other tools' column names (TrackMate, ComDet, ThunderSTORM, Imaris CSV exports):
/// the header row names the columns; the delimiter is the one of comma, tab and semicolon the header holds most;
/// fields may be quoted. <see cref="BlobReadOptions.Columns"/> maps our names (z, y, x needed; radius, confirmed, truth,
/// channel optional) to the file's. Rows right after the header whose z field is not a number (TrackMate's extra
/// header rows: long names, short names, units) are skipped, at most three. Coordinates and radius in µm are divided
/// by the resolution (radius by its x). Absent: radius 0, confirmed and truth −1, channel the file's place among the inputs.
/// </summary>
internal static class DelimitedBlobs
{
    /// <summary>Our column names a map may use.</summary>
    public static IReadOnlyList<string> Names { get; } = ["z", "y", "x", "radius", "confirmed", "truth", "channel"];

    private static readonly double[] Absent = [0, 0, 0, 0, -1, -1, 0];

    public static BlobTable Read(string path, BlobReadOptions options)
    {
        var map = options.Columns ?? throw new ColocFormatException($"{path}: delimited text needs a column map");
        foreach (var key in map.Keys)
            if (!Names.Contains(key)) throw new ColocFormatException($"{path}: column map names '{key}', not one of {string.Join(",", Names)}");
        foreach (var need in Names.Take(3))
            if (!map.ContainsKey(need)) throw new ColocFormatException($"{path}: column map lacks '{need}'");
        var scale = new double[7] { 1, 1, 1, 1, 1, 1, 1 };
        if (options.Units == BlobUnits.Micrometre)
        {
            var res = options.ResolutionUm ?? throw new ColocFormatException($"{path}: coordinates in µm need the resolution (µm per voxel) to become voxels");
            (scale[0], scale[1], scale[2], scale[3]) = (res.Z, res.Y, res.X, res.X);
        }
        var blobs = new List<Blob>();
        try
        {
            using var r = new StreamReader(path, System.Text.Encoding.UTF8, true, 1 << 16);
            string header = r.ReadLine() ?? throw new ColocFormatException($"{path}: empty file, expected a header row");
            char sep = new[] { ',', '\t', ';' }.MaxBy(c => header.Count(h => h == c));
            var names = Split(header.TrimStart('\uFEFF'), sep);
            var col = new int[7];
            for (int k = 0; k < 7; k++)
            {
                col[k] = map.TryGetValue(Names[k], out var n) ? Array.IndexOf(names, n) : -1;
                if (map.ContainsKey(Names[k]) && col[k] < 0)
                    throw new ColocFormatException($"{path}:1: header lacks column '{map[Names[k]]}' (mapped to {Names[k]}; header '{header}')");
            }
            var v = new double[7];
            long line = 1;
            string? text;
            while ((text = r.ReadLine()) is not null)
            {
                line++;
                if (string.IsNullOrWhiteSpace(text)) continue;
                var f = Split(text, sep);
                if (f.Length != names.Length) throw new ColocFormatException($"{path}:{line}: {f.Length} fields, header has {names.Length}");
                if (line <= 4 && blobs.Count == 0 && !CsvNumber.TryParse(f[col[0]], out _)) continue;
                for (int k = 0; k < 7; k++)
                {
                    if (col[k] < 0) { v[k] = Absent[k]; continue; }
                    if (!CsvNumber.TryParse(f[col[k]], out v[k]) || !double.IsFinite(v[k]))
                        throw new ColocFormatException($"{path}:{line}: column '{names[col[k]]}' is not a finite number: '{f[col[k]]}'");
                    v[k] /= scale[k];
                }
                BlobCsv.CheckChannel(v[6], path, line);
                blobs.Add(new Blob(v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
            }
            return new BlobTable(path, BlobFormat.Delimited, [.. blobs]) { ChannelFromFile = col[6] >= 0 };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ColocFormatException($"{path}: cannot read: {e.Message}", e);
        }
    }

    /// <summary>Splits a row, removing the quotes around quoted fields (a doubled quote inside stands for one).</summary>
    private static string[] Split(string line, char sep)
    {
        if (!line.Contains('"', StringComparison.Ordinal)) return line.Split(sep).Select(s => s.Trim()).ToArray();
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == sep) { fields.Add(sb.ToString().Trim()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString().Trim());
        return [.. fields];
    }
}
