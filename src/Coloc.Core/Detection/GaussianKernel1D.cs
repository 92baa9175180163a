using Coloc.Core.Blobs;
using Coloc.Core.Image;

namespace Coloc.Core.Detection;

/// <summary>
/// scipy 1.10's <c>_gaussian_kernel1d(sigma, order, radius)</c> with radius <c>int(4·sigma + 0.5)</c>
/// (<c>gaussian_filter1d</c>, truncate 4.0), stored as the half kernel <c>w[0..radius]</c> (both kernels are symmetric).
/// </summary>
internal static class GaussianKernel1D
{
    /// <summary>The radius scipy uses: <c>int(truncate · sigma + 0.5)</c>, truncate = 4.</summary>
    public static int Radius(double sigma) => (int)(4.0 * sigma + 0.5);

    /// <summary>
    /// The half kernel of order 0 (Gaussian) or 2 (second derivative): <c>phi(x) = exp(-0.5/σ² · x²) / Σ phi</c>;
    /// order 2 multiplies by <c>q(x) = p + x²·p²</c> with <c>p = 1/(−σ²)</c>.
    /// </summary>
    public static double[] Half(double sigma, int order)
    {
        if (order != 0 && order != 2) throw new ArgumentOutOfRangeException(nameof(order), order, "order must be 0 or 2");
        int r = Radius(sigma);
        double sigma2 = sigma * sigma;
        double a = -0.5 / sigma2;
        var phi = new double[2 * r + 1];
        for (int k = 0; k < phi.Length; k++)
        {
            long x = k - r;
            phi[k] = Math.Exp(a * (double)(x * x));
        }
        double sum = NumpyStats.PairwiseSum(phi);
        for (int k = 0; k < phi.Length; k++) phi[k] /= sum;
        var half = new double[r + 1];
        double p = 1.0 / -sigma2;
        double p2 = p * p;
        for (int j = 0; j <= r; j++)
        {
            double w = phi[r + j];
            if (order == 2) w = (p + (double)((long)j * j) * p2) * w;
            half[j] = w;
        }
        return half;
    }
}
