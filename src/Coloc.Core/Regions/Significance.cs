using MathNet.Numerics.Distributions;

namespace Coloc.Core.Regions;

/// <summary>
/// Monte Carlo significance of observed counts against null draws, per region: expected = mean of the null counts,
/// enrichment = observed / expected (NaN when expected is 0), p = (1 + #{null ≥ observed}) / (N + 1) (the
/// permutation p-value that counts the observation as one draw; never 0), Benjamini–Hochberg q-values over the
/// regions with a p-value, and a 95 % interval of the enrichment (<see cref="PoissonInterval"/> / expected).
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
        var low = new double[n];
        var high = new double[n];
        for (int r = 0; r < n; r++)
        {
            if (perms == 0)
            {
                expected[r] = enrichment[r] = p[r] = low[r] = high[r] = double.NaN;
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
            var (lo, hi) = PoissonInterval(observed[r], 0.95);
            (low[r], high[r]) = expected[r] > 0 ? (lo / expected[r], hi / expected[r]) : (double.NaN, double.NaN);
        }
        return new RegionStatistics(expected, enrichment, p, BenjaminiHochberg(p), low, high);
    }

    /// <summary>
    /// The exact (Garwood 1936) interval of a Poisson mean after observing <paramref name="count"/>: lower = the
    /// (1 − level)/2 quantile of Gamma(count, 1) (0 when count = 0), upper = the (1 + level)/2 quantile of
    /// Gamma(count + 1, 1); quantiles from MathNet.Numerics.
    /// </summary>
    /// <param name="count">Observed count, ≥ 0.</param>
    /// <param name="level">Coverage, in (0, 1), e.g. 0.95.</param>
    public static (double Low, double High) PoissonInterval(long count, double level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "must be in (0, 1)");
        double tail = (1 - level) / 2;
        double low = count == 0 ? 0 : Gamma.InvCDF(count, 1, tail);
        return (low, Gamma.InvCDF(count + 1, 1, 1 - tail));
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
