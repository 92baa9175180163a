namespace Coloc.Core.Regions;

/// <summary>
/// The L(r) curves of one channel pair per region row (<see cref="CrossKFunction"/>), with the Monte Carlo envelope of
/// the null model's draws: the pointwise minimum and maximum over the N draws (spatstat's <c>envelope</c> default,
/// a pointwise test at level 2/(N+1) per radius) and their mean. Arrays are <c>[row][radius]</c>, µm; NaN where a
/// row has no blob of one channel.
/// </summary>
/// <param name="RadiiUm">The radii, µm, ascending.</param>
/// <param name="Observed">L of the observed blobs.</param>
/// <param name="NullMean">Mean of the null draws' L.</param>
/// <param name="NullLow">Pointwise minimum of the null draws' L.</param>
/// <param name="NullHigh">Pointwise maximum of the null draws' L.</param>
public sealed record LCurves(double[] RadiiUm, double[][] Observed, double[][] NullMean, double[][] NullLow, double[][] NullHigh)
{
    /// <summary>Builds the curves from K (µm³) of the observation and of each null draw, <c>[draw][row][radius]</c>.</summary>
    public static LCurves From(double[] radiiUm, double[][] observedK, IReadOnlyList<double[][]> nullK)
    {
        ArgumentNullException.ThrowIfNull(observedK);
        ArgumentNullException.ThrowIfNull(nullK);
        int rows = observedK.Length, steps = radiiUm.Length;
        var obs = new double[rows][];
        var mean = new double[rows][];
        var low = new double[rows][];
        var high = new double[rows][];
        for (int g = 0; g < rows; g++)
        {
            obs[g] = observedK[g].Select(CrossKFunction.L).ToArray();
            mean[g] = new double[steps];
            low[g] = new double[steps];
            high[g] = new double[steps];
            for (int s = 0; s < steps; s++)
            {
                double sum = 0, lo = double.PositiveInfinity, hi = double.NegativeInfinity;
                int n = 0;
                foreach (var draw in nullK)
                {
                    double l = CrossKFunction.L(draw[g][s]);
                    if (double.IsNaN(l)) continue;
                    sum += l;
                    lo = Math.Min(lo, l);
                    hi = Math.Max(hi, l);
                    n++;
                }
                (mean[g][s], low[g][s], high[g][s]) = n > 0 ? (sum / n, lo, hi) : (double.NaN, double.NaN, double.NaN);
            }
        }
        return new LCurves(radiiUm, obs, mean, low, high);
    }
}
