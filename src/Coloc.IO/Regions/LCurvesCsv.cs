using System.Globalization;
using Coloc.Core.Regions;

namespace Coloc.IO.Regions;

/// <summary>
/// <c>l_c&lt;a&gt;_c&lt;b&gt;.csv</c>, format version 1: the L(r) curve of one channel pair per region row with the null
/// envelope, header <c>label,r_um,l_um,l_null_mean_um,l_null_min_um,l_null_max_um</c>, one line per region row and
/// radius (rows in the order of regions.csv, radii ascending); regions without a blob of either channel are left out.
/// Empty envelope fields when there were no null draws. Under complete spatial randomness L(r) ≈ r away from borders.
/// </summary>
public static class LCurvesCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "label,r_um,l_um,l_null_mean_um,l_null_min_um,l_null_max_um";

    /// <summary>Writes <paramref name="curves"/>; <paramref name="rows"/> give the region ids.</summary>
    public static void Write(TextWriter w, IReadOnlyList<RegionRow> rows, LCurves curves)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(curves);
        w.WriteLine(Header);
        var inv = CultureInfo.InvariantCulture;
        for (int g = 0; g < rows.Count; g++)
        {
            if (curves.Observed[g].All(double.IsNaN)) continue;
            string label = rows[g].Label.ToString(inv);
            for (int s = 0; s < curves.RadiiUm.Length; s++)
                w.WriteLine(string.Join(',', label, Num(curves.RadiiUm[s]), Num(curves.Observed[g][s]), Num(curves.NullMean[g][s]),
                    Num(curves.NullLow[g][s]), Num(curves.NullHigh[g][s])));
        }
    }

    private static string Num(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
