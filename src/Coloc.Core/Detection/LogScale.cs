namespace Coloc.Core.Detection;

/// <summary>
/// One scale of the Laplacian-of-Gaussian stack as scikit-image 0.19's <c>blob_log</c> builds it: the response is
/// <c>−gaussian_laplace(image, σ) · mean(σ,σ,σ)²</c>, with scipy's separable kernels of radius <c>int(4σ + 0.5)</c>.
/// </summary>
internal sealed class LogScale
{
    /// <summary>Builds scale <paramref name="index"/> with sigma <paramref name="sigma"/> (voxels, &gt; 0).</summary>
    public LogScale(int index, double sigma)
    {
        if (!(sigma > 0) || !double.IsFinite(sigma))
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "sigma must be finite and > 0");
        Index = index;
        Sigma = sigma;
        Radius = GaussianKernel1D.Radius(sigma);
        G0 = GaussianKernel1D.Half(sigma, 0);
        G2 = GaussianKernel1D.Half(sigma, 2);
        // np.mean of three equal sigmas: (s + s + s) / 3, then ** 2.
        double mean = (sigma + sigma + sigma) / 3.0;
        Normalisation = Math.Pow(mean, 2);
    }

    /// <summary>Position in the sigma list.</summary>
    public int Index { get; }

    /// <summary>Gaussian sigma, voxels of the detection space.</summary>
    public double Sigma { get; }

    /// <summary>Kernel radius <c>int(4σ + 0.5)</c>, voxels.</summary>
    public int Radius { get; }

    /// <summary>Half of the order-0 kernel, <c>G0[j]</c> for offsets ±j.</summary>
    public double[] G0 { get; }

    /// <summary>Half of the order-2 (second derivative) kernel.</summary>
    public double[] G2 { get; }

    /// <summary>The scale normalisation <c>mean(σ)²</c> applied to the negated Laplacian.</summary>
    public double Normalisation { get; }

    /// <summary>
    /// <c>blob_log</c>'s sigma list: <c>linspace(0, 1, n) · (max − min) + min</c> with numpy's linspace arithmetic
    /// (<c>i · (1/(n−1))</c>, last element exactly 1).
    /// </summary>
    public static double[] SigmaList(double minSigma, double maxSigma, int num)
    {
        if (num < 1) throw new ArgumentOutOfRangeException(nameof(num), num, "num_sigma must be >= 1");
        var s = new double[num];
        double delta = maxSigma - minSigma;
        if (num == 1)
        {
            s[0] = 0.0 * delta + minSigma;
            return s;
        }
        double step = 1.0 / (num - 1);
        for (int i = 0; i < num; i++)
        {
            double scale = i == num - 1 ? 1.0 : i * step;
            s[i] = scale * delta + minSigma;
        }
        return s;
    }
}
