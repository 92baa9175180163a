using System.Globalization;
using System.Text;
using Coloc.Core.Blobs;
using Coloc.Core.Matching;

namespace Coloc.Native.Results;

/// <summary>
/// A <see cref="MatchSet"/> flattened for Java: <see cref="Columns"/> doubles per match, pairs in key order, rows in
/// table order. Blob indices refer to the input blob array (the first input blob with the same z,y,x,radius,channel;
/// −1 if none).
/// </summary>
public static class MatchTable
{
    /// <summary>Column names of one row (channels 0-based; coordinates and radius in voxels; colour 0xAARRGGBB).</summary>
    public static IReadOnlyList<string> ColumnNames { get; } =
        ["channel_a", "channel_b", "blob1_index", "blob2_index", "z1", "y1", "x1", "r1", "z2", "y2", "x2", "r2", "distance", "color_argb"];

    /// <summary>Doubles per row (14).</summary>
    public static int Columns => ColumnNames.Count;

    /// <summary>Flattens <paramref name="matches"/>; colours are <see cref="MatchColors"/> by row within each pair.</summary>
    public static double[] Flatten(MatchSet matches, ReadOnlySpan<Blob> input)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var index = new Dictionary<(double, double, double, double, double), int>();
        for (int i = input.Length - 1; i >= 0; i--)
        {
            var b = input[i];
            index[(b.Z, b.Y, b.X, b.Radius, b.Channel)] = i;
        }
        int Find(in Blob b) => index.TryGetValue((b.Z, b.Y, b.X, b.Radius, b.Channel), out int i) ? i : -1;

        var r = new double[(long)matches.TotalCount * Columns];
        int o = 0;
        foreach (var (pair, m) in matches.Pairs)
        {
            var colors = m.Cmap;
            for (int k = 0; k < m.Count; k++)
            {
                var row = m.Rows[k];
                var (b1, b2) = (row.Blob1, row.Blob2);
                r[o++] = pair.A; r[o++] = pair.B; r[o++] = Find(b1); r[o++] = Find(b2);
                r[o++] = b1.Z; r[o++] = b1.Y; r[o++] = b1.X; r[o++] = b1.Radius;
                r[o++] = b2.Z; r[o++] = b2.Y; r[o++] = b2.X; r[o++] = b2.Radius;
                r[o++] = row.Distance; r[o++] = colors[k];
            }
        }
        return r;
    }

    /// <summary>Flattens matches read from a database: the blob index columns hold the database blob ids (−1 if none).</summary>
    public static double[] FlattenStored(MatchSet matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var r = new double[(long)matches.TotalCount * Columns];
        int o = 0;
        foreach (var (pair, m) in matches.Pairs)
        {
            var colors = m.Cmap;
            for (int k = 0; k < m.Count; k++)
            {
                var row = m.Rows[k];
                var (b1, b2) = (row.Blob1, row.Blob2);
                r[o++] = pair.A; r[o++] = pair.B; r[o++] = row.Blob1Id ?? -1; r[o++] = row.Blob2Id ?? -1;
                r[o++] = b1.Z; r[o++] = b1.Y; r[o++] = b1.X; r[o++] = b1.Radius;
                r[o++] = b2.Z; r[o++] = b2.Y; r[o++] = b2.X; r[o++] = b2.Radius;
                r[o++] = row.Distance; r[o++] = colors[k];
            }
        }
        return r;
    }

    /// <summary>
    /// The per-pair summary as text: a header line, then one line per pair,
    /// <c>pair TAB matches TAB blobs_a TAB blobs_b TAB pct_a TAB pct_b TAB text</c> (channels 0-based, percentages of each
    /// channel's blobs that are matched, text as the CLI prints it).
    /// </summary>
    public static string Summary(MatchSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var n = summary.BlobsPerChannel.ToDictionary(t => t.Channel, t => t.Blobs);
        var lines = summary.Lines().ToArray();
        var sb = new StringBuilder("pair\tmatches\tblobs_a\tblobs_b\tpct_a\tpct_b\ttext\n");
        for (int i = 0; i < summary.Pairs.Count; i++)
        {
            var (pair, count) = summary.Pairs[i];
            int na = n.GetValueOrDefault(pair.A), nb = n.GetValueOrDefault(pair.B);
            sb.Append(CultureInfo.InvariantCulture,
                $"{pair.Key}\t{count}\t{na}\t{nb}\t{Pct(count, na):R}\t{Pct(count, nb):R}\t{lines[i]}\n");
        }
        return sb.ToString();
    }

    private static double Pct(int k, int n) => n == 0 ? 0 : 100.0 * k / n;
}
