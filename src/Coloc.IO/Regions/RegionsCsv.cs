using System.Globalization;
using Coloc.Core.Regions;

namespace Coloc.IO.Regions;

/// <summary>
/// <c>regions.csv</c>, format version 1: one row per region (labels present, ascending, 0 included; or the level
/// regions), columns <c>label,voxels,blobs_c&lt;k&gt;…,matches_c&lt;a&gt;_c&lt;b&gt;…,name,volume_um3</c> then per pair
/// <c>expected_c&lt;a&gt;_c&lt;b&gt;,enrichment_c&lt;a&gt;_c&lt;b&gt;,p_c&lt;a&gt;_c&lt;b&gt;,q_c&lt;a&gt;_c&lt;b&gt;</c>, and last, per pair,
/// the 95 % interval of the enrichment <c>enrichment_lo95_c&lt;a&gt;_c&lt;b&gt;,enrichment_hi95_c&lt;a&gt;_c&lt;b&gt;</c>
/// (exact Poisson interval of the observed count / expected).
/// Numbers in invariant culture, round-trip precision; undefined statistics are empty fields; names are quoted
/// when they hold a comma or quote.
/// </summary>
public static class RegionsCsv
{
    /// <summary>The format version written.</summary>
    public const int FormatVersion = 1;

    /// <summary>The header for <paramref name="channels"/> and the pairs of <paramref name="result"/>.</summary>
    public static string Header(IReadOnlyList<int> channels, RegionResult result)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(result);
        var cols = new List<string> { "label", "voxels" };
        cols.AddRange(channels.Select(c => $"blobs_c{c}"));
        cols.AddRange(result.Pairs.Select(p => $"matches_c{p.A}_c{p.B}"));
        cols.Add("name");
        cols.Add("volume_um3");
        foreach (var p in result.Pairs)
            foreach (var s in new[] { "expected", "enrichment", "p", "q" }) cols.Add($"{s}_c{p.A}_c{p.B}");
        foreach (var p in result.Pairs)
            foreach (var s in new[] { "enrichment_lo95", "enrichment_hi95" }) cols.Add($"{s}_c{p.A}_c{p.B}");
        return string.Join(',', cols);
    }

    /// <summary>Writes the table; <paramref name="name"/> names a region id (empty when unknown).</summary>
    public static void Write(TextWriter w, IReadOnlyList<int> channels, RegionResult result, Func<long, string> name, double voxelUm3)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(name);
        w.WriteLine(Header(channels, result));
        var inv = CultureInfo.InvariantCulture;
        for (int r = 0; r < result.Rows.Length; r++)
        {
            var row = result.Rows[r];
            var f = new List<string> { row.Label.ToString(inv), row.Voxels.ToString(inv) };
            f.AddRange(row.Blobs.Select(v => v.ToString(inv)));
            f.AddRange(row.Matches.Select(v => v.ToString(inv)));
            f.Add(Quote(name(row.Label)));
            f.Add(Num(row.Voxels * voxelUm3));
            foreach (var s in result.Statistics)
            {
                f.Add(Num(s.Expected[r]));
                f.Add(Num(s.Enrichment[r]));
                f.Add(Num(s.P[r]));
                f.Add(Num(s.Q[r]));
            }
            foreach (var s in result.Statistics)
            {
                f.Add(Num(s.EnrichmentLow[r]));
                f.Add(Num(s.EnrichmentHigh[r]));
            }
            w.WriteLine(string.Join(',', f));
        }
    }

    private static string Num(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
