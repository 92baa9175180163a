namespace Coloc.Core.Regions;

/// <summary>
/// Monte Carlo significance of observed counts against null draws, per region: expected = mean of the null counts,
/// enrichment = observed / expected (NaN when expected is 0), p = (1 + #{null ≥ observed}) / (N + 1) (the
/// permutation p-value that counts the observation as one draw; never 0), and Benjamini–Hochberg q-values over the
/// regions with a p-value.
/// </summary>
public static class Significance
{
    /// <summary>
    /// Statistics of one channel pair: <paramref name="observed"/>[r] and <paramref name="nulls"/>[p][r] for region r,
    /// permutation p. With no permutations every statistic is NaN.
    /// </summary>
    public static RegionStatistics Of(IReadOnlyList<long> observed, IReadOnlyList<long[]> nulls)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(nulls);
        int n = observed.Count, perms = nulls.Count;
        var expected = new double[n];
        var enrichment = new double[n];
        var p = new double[n];
        for (int r = 0; r < n; r++)
        {
            if (perms == 0)
            {
                expected[r] = enrichment[r] = p[r] = double.NaN;
                continue;
            }
            long sum = 0, atLeast = 0;
            foreach (var draw in nulls)
            {
                sum += draw[r];
                if (draw[r] >= observed[r]) atLeast++;
            }
            expected[r] = (double)sum / perms;
            enrichment[r] = expected[r] > 0 ? observed[r] / expected[r] : double.NaN;
            p[r] = (1.0 + atLeast) / (perms + 1.0);
        }
        return new RegionStatistics(expected, enrichment, p, BenjaminiHochberg(p));
    }

    /// <summary>
    /// Benjamini–Hochberg adjusted p-values: q(i) = min over j with p(j) ≥ p(i) of p(j)·m / rank(j), capped at 1,
    /// m = the number of non-NaN p-values; NaN stays NaN. Ties share the same q.
    /// </summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var idx = Enumerable.Range(0, p.Count).Where(i => !double.IsNaN(p[i])).OrderBy(i => p[i]).ThenBy(i => i).ToArray();
        var q = Enumerable.Repeat(double.NaN, p.Count).ToArray();
        int m = idx.Length;
        double running = 1;
        for (int k = m - 1; k >= 0; k--)
        {
            running = Math.Min(running, p[idx[k]] * m / (k + 1));
            q[idx[k]] = running;
        }
        return q;
    }
}
