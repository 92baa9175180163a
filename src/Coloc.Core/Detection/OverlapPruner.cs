namespace Coloc.Core.Detection;

/// <summary>
/// scikit-image 0.19's <c>_prune_blobs</c> for 3D blobs with one sigma (README, Differences from MagellanMapper, D29):
/// every pair of peaks at most <c>2·√3·max(σ)</c> apart is examined; if the volume of the intersection of the spheres
/// of radius <c>σ·√3</c> over the smaller sphere's volume (1 when one contains the other) exceeds <c>overlap</c>, the
/// peak with the smaller sigma is dropped (on equal sigma the first of the pair); a dropped peak has sigma 0 and can no
/// longer drop another. scikit-image visits the pairs in the iteration order of the Python set
/// <c>cKDTree.query_pairs</c> returns, which decides how chains of three or more overlapping peaks end. By default
/// Coloc visits them in a fixed order that depends on nothing else: pairs (i, j), i &lt; j, by i then j, where the
/// index is the position in the canonical peak order (decreasing response, <see cref="LogPeak.CompareCanonical"/>); a
/// chain's outcome then depends only on its own peaks, so block-wise detection can reproduce it. With
/// <c>cpythonSetOrder</c> the same pairs are visited in CPython 3.11's set iteration order for pairs added in that (i,
/// j) order (<see cref="PythonSetOrder"/>) — cKDTree's own insertion order when a channel has at most 16 peaks (one
/// leaf), so MagellanMapper's result exactly; the order then depends on all pairs of the channel.
/// </summary>
public static class OverlapPruner
{
    private static readonly double Sqrt3 = Math.Sqrt(3);

    /// <summary>Returns, per peak, whether it survives. <paramref name="peaks"/> must be in canonical order.</summary>
    /// <param name="peaks">Peaks in detection space (voxels), canonical order.</param>
    /// <param name="overlap">Overlap fraction in [0, 1] above which the smaller blob is dropped (profile <c>overlap</c>).</param>
    /// <param name="cpythonSetOrder">Visit pairs in CPython's set order (MagellanMapper) instead of the canonical order; default false.</param>
    public static bool[] Survivors(IReadOnlyList<LogPeak> peaks, double overlap, bool cpythonSetOrder = false)
    {
        ArgumentNullException.ThrowIfNull(peaks);
        int n = peaks.Count;
        var sigma = new double[n];
        var kept = new bool[n];
        if (n == 0) return kept;
        double maxSigma = 0;
        for (int i = 0; i < n; i++)
        {
            sigma[i] = peaks[i].Sigma;
            maxSigma = Math.Max(maxSigma, sigma[i]);
        }
        double dist = 2 * maxSigma * Sqrt3;
        double cell = Math.Max(dist, 1e-9);
        var grid = new Dictionary<(long, long, long), List<int>>();
        for (int i = 0; i < n; i++)
        {
            var key = Cell(peaks[i], cell);
            if (!grid.TryGetValue(key, out var l)) grid[key] = l = new List<int>();
            l.Add(i);
        }
        var pairs = new List<(int I, int J)>();
        var partners = new List<int>();
        for (int i = 0; i < n; i++)
        {
            partners.Clear();
            var (cz, cy, cx) = Cell(peaks[i], cell);
            for (long a = cz - 1; a <= cz + 1; a++)
                for (long b = cy - 1; b <= cy + 1; b++)
                    for (long c = cx - 1; c <= cx + 1; c++)
                        if (grid.TryGetValue((a, b, c), out var l))
                            foreach (int j in l)
                                if (j > i && Dist2(peaks[i], peaks[j]) <= dist * dist) partners.Add(j);
            partners.Sort();
            foreach (int j in partners) pairs.Add((i, j));
        }
        var order = cpythonSetOrder ? PythonSetOrder.IterationOrder(pairs) : Enumerable.Range(0, pairs.Count).ToArray();
        foreach (int k in order)
        {
            var (i, j) = pairs[k];
            if (BlobOverlap(peaks[i], sigma[i], peaks[j], sigma[j]) > overlap)
            {
                if (sigma[i] > sigma[j]) sigma[j] = 0;
                else sigma[i] = 0;
            }
        }
        for (int i = 0; i < n; i++) kept[i] = sigma[i] > 0;
        return kept;
    }

    /// <summary>
    /// scikit-image's <c>_blob_overlap</c> for 3D: positions divided by <c>σ_max·√3</c>, radii 1 and <c>σ_min/σ_max</c>;
    /// 0 when apart, 1 when one contains the other, else the lens volume over the smaller sphere's volume.
    /// </summary>
    public static double BlobOverlap(LogPeak p1, double s1, LogPeak p2, double s2)
    {
        if (s1 == 0 && s2 == 0) return 0.0;
        double maxSigma, r1, r2;
        if (s1 > s2) { maxSigma = s1; r1 = 1; r2 = s2 / s1; }
        else { maxSigma = s2; r2 = 1; r1 = s1 / s2; }
        double den = maxSigma * Sqrt3;
        double dz = p2.Z / den - p1.Z / den, dy = p2.Y / den - p1.Y / den, dx = p2.X / den - p1.X / den;
        double d = Math.Sqrt(((0.0 + dz * dz) + dy * dy) + dx * dx);
        if (d > r1 + r2) return 0.0;
        if (d <= Math.Abs(r1 - r2)) return 1.0;
        double vol = Math.PI / (12 * d) * Math.Pow(r1 + r2 - d, 2)
            * (Math.Pow(d, 2) + 2 * d * (r1 + r2) - 3 * (Math.Pow(r1, 2) + Math.Pow(r2, 2)) + 6 * r1 * r2);
        return vol / (4.0 / 3 * Math.PI * Math.Pow(Math.Min(r1, r2), 3));
    }

    private static (long, long, long) Cell(LogPeak p, double cell) =>
        ((long)Math.Floor(p.Z / cell), (long)Math.Floor(p.Y / cell), (long)Math.Floor(p.X / cell));

    private static double Dist2(LogPeak a, LogPeak b)
    {
        double dz = a.Z - b.Z, dy = a.Y - b.Y, dx = a.X - b.X;
        return dz * dz + dy * dy + dx * dx;
    }
}
