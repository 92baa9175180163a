using Coloc.Core.Blobs;
using Coloc.Core.Geometry;

namespace Coloc.Core.Matching.Magmap;

/// <summary>
/// MagellanMapper's two-pass matching of one channel pair inside one ROI (<c>verifier.match_blobs_roi</c> with
/// <c>find_closest_blobs_cdist</c> and <c>_match_blobs</c>), reproduced exactly, tie-breaking included.
/// </summary>
/// <remarks>
/// Pass 1: rows = higher-channel ("test") blobs in the inner region, columns = all lower-channel ("base") blobs in the
/// ROI. Pass 2: rows = test blobs in the ROI but outside the inner region, columns = base blobs whose truth flag is 0
/// after pass 1 (inner base blobs not taken in pass 1, plus outer base blobs whose input truth was 0; README,
/// Differences from MagellanMapper, D7). Each pass solves the assignment on the full distance matrix and only then
/// keeps pairs with distance &lt; threshold (README, Differences from MagellanMapper, D2, D3). Rows come out per pass
/// sorted stably by the base blob's z,y,x, pass 1 first.
/// </remarks>
internal static class MagmapPairMatcher
{
    /// <summary>Matches one pair.</summary>
    /// <param name="blobs">All blobs (indices below refer to it).</param>
    /// <param name="coords">Scaled centres of <paramref name="blobs"/>.</param>
    /// <param name="baseRoi">Indices of lower-channel blobs in the ROI, in input order.</param>
    /// <param name="testRoi">Indices of higher-channel blobs in the ROI, in input order.</param>
    /// <param name="inner">The inner region of the ROI.</param>
    /// <param name="tol">The tolerance.</param>
    public static MatchRow[] Match(
        ReadOnlySpan<Blob> blobs, ScaledCoords coords, ReadOnlySpan<int> baseRoi, ReadOnlySpan<int> testRoi, Box inner,
        MatchTolerance tol)
    {
        var testInner = new List<int>(testRoi.Length);
        var testOuter = new List<int>();
        foreach (int t in testRoi)
            (inner.Contains(blobs[t].Center) ? testInner : testOuter).Add(t);

        // Pass 1: inner test blobs against every base blob of the ROI.
        var (r1, c1, d1) = Assign(coords, testInner, baseRoi, tol.Threshold);

        // Truth flags after pass 1: matched base -> 1, other inner base -> 0, other outer base keep their input value.
        var matchedBase = new bool[baseRoi.Length];
        foreach (int c in c1) matchedBase[c] = true;
        var baseMissed = new List<int>();
        for (int k = 0; k < baseRoi.Length; k++)
        {
            var b = blobs[baseRoi[k]];
            double truth = matchedBase[k] ? 1 : inner.Contains(b.Center) ? 0 : b.Truth;
            if (truth == 0) baseMissed.Add(baseRoi[k]);
        }

        // Pass 2: outer test blobs against the base blobs still flagged 0.
        var (r2, c2, d2) = Assign(coords, testOuter, baseMissed.ToArray(), tol.Threshold);

        var rows = new List<MatchRow>(r1.Length + r2.Length);
        AppendSorted(rows, blobs, testInner, r1, baseRoi, c1, d1);
        AppendSorted(rows, blobs, testOuter, r2, baseMissed.ToArray(), c2, d2);
        return rows.ToArray();
    }

    /// <summary>
    /// Solves the assignment on the full (implicit) distance matrix — exactly what SciPy's <c>linear_sum_assignment</c>
    /// returns on <c>cdist</c>'s matrix — and keeps pairs below the threshold (rows ascending).
    /// </summary>
    private static (int[] Rows, int[] Cols, double[] Dist) Assign(
        ScaledCoords p, List<int> rows, ReadOnlySpan<int> cols, double threshold)
    {
        int n = rows.Count, m = cols.Length;
        if (n == 0 || m == 0) return ([], [], []);
        var a = p.Gather(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
        var b = p.Gather(cols);
        var (ri, ci) = GeometricAssignment.Solve(a, b, CellSize(a, b, threshold));
        var keptR = new List<int>(ri.Length);
        var keptC = new List<int>(ri.Length);
        var keptD = new List<double>(ri.Length);
        for (int k = 0; k < ri.Length; k++)
        {
            int r = ri[k], c = ci[k];
            double dz = a.Z[r] - b.Z[c], dy = a.Y[r] - b.Y[c], dx = a.X[r] - b.X[c];
            double s = dz * dz;
            s += dy * dy;
            s += dx * dx;
            double d = Math.Sqrt(s);
            if (d < threshold)
            {
                keptR.Add(r);
                keptC.Add(c);
                keptD.Add(d);
            }
        }
        return (keptR.ToArray(), keptC.ToArray(), keptD.ToArray());
    }

    /// <summary>Grid cell edge: about two points per cell of the larger set's bounding box, at least the threshold.</summary>
    private static double CellSize((double[] Z, double[] Y, double[] X) a, (double[] Z, double[] Y, double[] X) b, double threshold)
    {
        var pts = a.Z.Length >= b.Z.Length ? a : b;
        double vol = Math.Max(1, pts.Z.Max() - pts.Z.Min()) * Math.Max(1, pts.Y.Max() - pts.Y.Min()) * Math.Max(1, pts.X.Max() - pts.X.Min());
        return Math.Max(threshold, Math.Cbrt(vol * 2 / pts.Z.Length));
    }

    /// <summary>Appends (base, test, distance) triples ordered stably by the base blob's z,y,x (<c>_match_blobs</c>).</summary>
    private static void AppendSorted(
        List<MatchRow> into, ReadOnlySpan<Blob> blobs, List<int> testIdx, int[] r, ReadOnlySpan<int> baseIdx, int[] c,
        double[] d)
    {
        var order = new int[r.Length];
        for (int k = 0; k < order.Length; k++) order[k] = k;
        var bases = new Blob[r.Length];
        for (int k = 0; k < r.Length; k++) bases[k] = blobs[baseIdx[c[k]]];
        Array.Sort(order, (a, b) =>
        {
            int cmp = Blob.CompareZyx(bases[a], bases[b]);
            return cmp != 0 ? cmp : a.CompareTo(b);
        });
        foreach (int k in order)
            into.Add(MatchRow.Of(bases[k].WithFlagsCleared(), blobs[testIdx[r[k]]].WithFlagsCleared(), d[k]));
    }
}
