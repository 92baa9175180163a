using System.Text.Json;
using System.Text.RegularExpressions;
using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.IO.Csv;

namespace Coloc.IO.Regions;

/// <summary>
/// A match folder as <c>coloc match</c>/<c>run</c> write it: <c>matches_c&lt;a&gt;_c&lt;b&gt;.csv</c> per pair and
/// <c>summary.json</c> (its <c>mode</c> and, when recorded, <c>tol_voxels</c> [z, y, x]).
/// </summary>
/// <param name="Pairs">The pairs, ascending (a, b), with their matches.</param>
/// <param name="Mode">The recorded mode, or null.</param>
/// <param name="TolVoxels">The recorded tolerance in voxels, or null.</param>
public sealed record MatchFolder(IReadOnlyList<(ChannelPair Pair, BlobMatch Matches)> Pairs, string? Mode, Zyx? TolVoxels)
{
    /// <summary>Reads <paramref name="folder"/>.</summary>
    /// <exception cref="ColocFormatException">Missing folder, no match tables, a damaged table or summary.</exception>
    public static MatchFolder Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder)) throw new ColocFormatException($"{folder}: no such matches folder");
        var pairs = new List<(ChannelPair, BlobMatch)>();
        foreach (var f in Directory.GetFiles(folder, "matches_c*_c*.csv"))
        {
            var m = Regex.Match(Path.GetFileName(f), @"^matches_c(\d+)_c(\d+)\.csv$");
            if (!m.Success) continue;
            using var r = new StreamReader(f);
            pairs.Add((new ChannelPair(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)), MatchCsv.Read(r, f)));
        }
        if (pairs.Count == 0) throw new ColocFormatException($"{folder}: no matches_c<a>_c<b>.csv in the matches folder");
        pairs.Sort((x, y) => x.Item1.A != y.Item1.A ? x.Item1.A.CompareTo(y.Item1.A) : x.Item1.B.CompareTo(y.Item1.B));
        string? mode = null;
        Zyx? tol = null;
        string summary = Path.Combine(folder, "summary.json");
        if (File.Exists(summary))
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(summary));
                var root = doc.RootElement;
                if (root.TryGetProperty("mode", out var md) && md.ValueKind == JsonValueKind.String) mode = md.GetString();
                if (root.TryGetProperty("tol_voxels", out var t) && t.ValueKind == JsonValueKind.Array && t.GetArrayLength() == 3)
                    tol = new Zyx(t[0].GetDouble(), t[1].GetDouble(), t[2].GetDouble());
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                throw new ColocFormatException($"{summary}: not a valid summary.json ({e.Message.Split('\n')[0]})", e);
            }
        }
        return new MatchFolder(pairs, mode, tol);
    }

    /// <summary>
    /// Checks that every matched blob is one of <paramref name="blobs"/> (same seven values), so the folder belongs to
    /// these blobs.
    /// </summary>
    /// <exception cref="ColocFormatException">Names the folder, the table and the first foreign blob.</exception>
    public void CheckAgainst(Blob[] blobs, string folder, string blobsName)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        var set = new HashSet<Blob>(blobs);
        foreach (var (pair, m) in Pairs)
            for (int i = 0; i < m.Count; i++)
            {
                var row = m.Rows[i];
                foreach (var b in new[] { row.Blob1, row.Blob2 })
                    if (!set.Contains(b))
                        throw new ColocFormatException(
                            $"{folder}: {pair.FileStem}.csv row {i + 1} has blob {b.Z},{b.Y},{b.X} (channel {b.Channel}) that is not in {blobsName}: the matches do not belong to these blobs");
            }
    }
}
