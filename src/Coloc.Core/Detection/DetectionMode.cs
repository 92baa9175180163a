namespace Coloc.Core.Detection;

/// <summary>How the Laplacian-of-Gaussian stack is computed (<see cref="DetectionOptions.Mode"/>).</summary>
public enum DetectionMode
{
    /// <summary>
    /// scipy's <c>gaussian_laplace</c> operation for operation in double precision (MagellanMapper's responses to
    /// 1e-12, blobs as MagellanMapper's). The default.
    /// </summary>
    Exact,

    /// <summary>
    /// The same kernels and boundaries in float32 with fused multiply-add, the first two derivative terms summed before
    /// the x pass (<see cref="FastLogFilter"/>): responses within about 1e-6 relative of <see cref="Exact"/>, blobs
    /// within one voxel of the exact ones on ≥ 99 % of blobs (tested), several times faster. Peaks and pruning as in
    /// <see cref="Exact"/>.
    /// </summary>
    Fast,
}
