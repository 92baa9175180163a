using Coloc.Core.Geometry;

namespace Coloc.Core.Regions;

/// <summary>
/// The analytic expectation of matches in a region under complete spatial randomness (both channels independent
/// Poisson processes, uniform in the region), to check the Monte Carlo: a channel-a blob has a channel-b blob within
/// the tolerance ellipsoid (semi-axes <c>tol</c>, volume <c>v = 4/3·π·tol_z·tol_y·tol_x</c> voxels) with probability
/// <c>1 − exp(−n_b·v / V)</c>, V = the region's volume in full-resolution voxels, so
/// <c>E ≈ min(n_a·(1 − exp(−n_b·v/V)), n_b)</c>. It ignores edge effects and the one-to-one constraint (an upper bound
/// for dense regions); use it as a check of order of magnitude, the Monte Carlo expectation is the reference.
/// </summary>
public static class CsrExpectation
{
    /// <summary>The expectation for <paramref name="na"/>, <paramref name="nb"/> blobs in <paramref name="labelVoxels"/> labels voxels.</summary>
    public static double Of(long na, long nb, long labelVoxels, Zyx scaling, Zyx tolVoxels)
    {
        double volume = labelVoxels / (scaling.Z * scaling.Y * scaling.X);
        if (volume <= 0) return 0;
        double v = 4.0 / 3.0 * Math.PI * tolVoxels.Z * tolVoxels.Y * tolVoxels.X;
        return Math.Min(na * (1 - Math.Exp(-nb * v / volume)), nb);
    }
}
