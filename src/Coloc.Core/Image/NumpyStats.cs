using Coloc.Core.Blobs;
namespace Coloc.Core.Image;

/// <summary>NumPy 1.24's float64 mean and default ("linear") percentile, reproduced operation for operation.</summary>
internal static class NumpyStats
{
    /// <summary>
    /// <c>np.add.reduce</c> of float64 values: 0 + pairwise sum; below 8 values a left-to-right sum, up to 128 values
    /// eight interleaved partial sums r0..r7 combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) then the remainder left
    /// to right; above 128 the halves (split at a multiple of 8) are summed recursively and added.
    /// </summary>
    internal static double PairwiseSum(ReadOnlySpan<double> a)
    {
        int n = a.Length;
        if (n < 8)
        {
            double s = 0.0;
            for (int i = 0; i < n; i++) s += a[i];
            return s;
        }
        if (n <= 128)
        {
            double r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7];
            int i = 8;
            for (; i < n - n % 8; i += 8)
            {
                r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3];
                r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a[i];
            return res;
        }
        int half = n / 2;
        half -= half % 8;
        return PairwiseSum(a[..half]) + PairwiseSum(a[half..]);
    }

    /// <summary><c>np.mean</c> in float64: <c>(0 + pairwise sum) / n</c>; NaN for no values.</summary>
    internal static double Mean(ReadOnlySpan<double> a) => a.Length == 0 ? double.NaN : (0.0 + PairwiseSum(a)) / a.Length;

    /// <summary>
    /// One step of <c>np.min</c> over means: the smaller of <paramref name="acc"/> (null before the first value) and
    /// <paramref name="value"/>, the earlier one on ties; NaN once either is NaN (NaN propagates).
    /// </summary>
    internal static double Min(double? acc, double value) =>
        acc is not { } a ? value : double.IsNaN(a) || double.IsNaN(value) ? double.NaN : value < a ? value : a;

    /// <summary>
    /// <c>np.percentile(a, p)</c> with the default linear method; sorts <paramref name="a"/> in place. Virtual index
    /// <c>v = (n−1)·(p/100)</c>, <c>i = ⌊v⌋</c>, <c>t = v − i</c>; with <c>lo = a[i]</c>, <c>hi = a[i+1]</c>, <c>d = hi − lo</c>
    /// the result is <c>lo + d·t</c>, or <c>hi − d·(1−t)</c> when <c>t ≥ 0.5</c>; <c>v ≥ n−1</c> gives the maximum.
    /// NaN if any value is NaN or there are none.
    /// </summary>
    internal static double Percentile(double[] a, double percent)
    {
        int n = a.Length;
        if (n == 0) return double.NaN;
        foreach (var v in a) if (double.IsNaN(v)) return double.NaN;
        Array.Sort(a);
        double q = percent / 100.0;
        double virt = (n - 1) * q;
        if (virt >= n - 1) return a[n - 1];
        if (virt < 0) return a[0];
        double prev = Math.Floor(virt);
        int i = (int)prev;
        double t = virt - prev;
        double lo = a[i], hi = a[i + 1], d = hi - lo;
        return t >= 0.5 ? hi - d * (1 - t) : lo + d * t;
    }
}
