using Coloc.Core.Geometry;

namespace Coloc.Core.Matching;

/// <summary>
/// What MagellanMapper derives from a match tolerance (<c>verifier.setup_match_blobs_roi</c>):
/// <c>thresh = max(tol)</c>, per-axis <c>scaling = thresh / tol</c> and default inner padding <c>floor(tol)</c>.
/// Two blobs p, q are within tolerance iff <c>sqrt(Σ ((p·s) − (q·s))²) &lt; thresh</c>, i.e. inside the open
/// axis-aligned ellipsoid with semi-axes <c>tol</c>.
/// </summary>
public sealed record MatchTolerance
{
    /// <summary>Derives threshold, scaling and padding from a tolerance.</summary>
    /// <param name="tolVoxels">Tolerance per axis, z,y,x, voxels; every component finite and &gt; 0.</param>
    public MatchTolerance(Zyx tolVoxels)
    {
        if (!tolVoxels.IsFinite || tolVoxels.Min <= 0)
            throw new ArgumentOutOfRangeException(nameof(tolVoxels), tolVoxels, "tolerance must be finite and > 0 on every axis");
        TolVoxels = tolVoxels;
        Threshold = tolVoxels.Max;
        Scaling = Threshold / tolVoxels;
        DefaultInnerPaddingVoxels = tolVoxels.Map(Math.Floor);
    }

    /// <summary>The tolerance, z,y,x, voxels.</summary>
    public Zyx TolVoxels { get; }

    /// <summary>The distance threshold <c>max(tol)</c>; a pair matches only if its scaled distance is strictly below it.</summary>
    public double Threshold { get; }

    /// <summary>Per-axis factors <c>max(tol) / tol</c> applied to z,y,x before distances are taken.</summary>
    public Zyx Scaling { get; }

    /// <summary>Default inner padding <c>floor(tol)</c>, z,y,x, voxels.</summary>
    public Zyx DefaultInnerPaddingVoxels { get; }

    /// <summary>
    /// The scaled distance computed bit-identically to SciPy's <c>cdist</c> on pre-scaled coordinates:
    /// <c>d_a = p_a·s_a − q_a·s_a</c>, <c>sqrt((d_z² + d_y²) + d_x²)</c>.
    /// </summary>
    public double Distance(double pz, double py, double px, double qz, double qy, double qx)
    {
        double dz = pz * Scaling.Z - qz * Scaling.Z;
        double dy = py * Scaling.Y - qy * Scaling.Y;
        double dx = px * Scaling.X - qx * Scaling.X;
        double s = dz * dz;
        s += dy * dy;
        s += dx * dx;
        return Math.Sqrt(s);
    }
}
