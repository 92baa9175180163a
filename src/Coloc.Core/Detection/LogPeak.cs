namespace Coloc.Core.Detection;

/// <summary>
/// A local maximum of the scale-normalised LoG stack (scikit-image <c>blob_log</c>): voxel z,y,x in detection space
/// (after isotropic resampling, if any), the scale index and sigma, and the response <c>−∇²G_σ∗I · σ²</c> (image in
/// <c>img_as_float</c> units).
/// </summary>
/// <param name="Z">z voxel in detection space.</param>
/// <param name="Y">y voxel.</param>
/// <param name="X">x voxel.</param>
/// <param name="SigmaIndex">Index into the sigma list (0-based).</param>
/// <param name="Sigma">Gaussian sigma, voxels of detection space.</param>
/// <param name="Response">Scale-normalised LoG value at the peak.</param>
public readonly record struct LogPeak(int Z, int Y, int X, int SigmaIndex, double Sigma, double Response)
{
    /// <summary>
    /// The canonical peak order: decreasing response (as <c>np.argsort(-value)</c>), ties broken by z, y, x, then sigma
    /// index ascending (numpy's <c>np.nonzero</c> order), so the order never depends on threads or blocks.
    /// </summary>
    public static int CompareCanonical(LogPeak a, LogPeak b)
    {
        int c = b.Response.CompareTo(a.Response);
        if (c != 0) return c;
        c = a.Z.CompareTo(b.Z);
        if (c != 0) return c;
        c = a.Y.CompareTo(b.Y);
        if (c != 0) return c;
        c = a.X.CompareTo(b.X);
        return c != 0 ? c : a.SigmaIndex.CompareTo(b.SigmaIndex);
    }
}
