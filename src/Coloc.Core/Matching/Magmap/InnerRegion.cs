using Coloc.Core.Geometry;

namespace Coloc.Core.Matching.Magmap;

/// <summary>
/// The inner region of an ROI used by MagellanMapper's two-pass matching (<c>verifier.match_blobs_roi</c>):
/// the ROI shrunk on every side by <c>pad = clip(innerPadding, 0, max(0, ceil(size/2 − 1)))</c>.
/// </summary>
public static class InnerRegion
{
    /// <summary>The inner box of <paramref name="roi"/> for the requested padding (z,y,x, voxels).</summary>
    public static Box Of(Box roi, Zyx innerPaddingVoxels)
    {
        static double Pad(double size, double want)
        {
            double padMax = Math.Max(0, Math.Ceiling(size / 2 - 1));
            return Math.Min(Math.Max(want, 0), padMax);
        }
        var pad = new Zyx(
            Pad(roi.Size.Z, innerPaddingVoxels.Z), Pad(roi.Size.Y, innerPaddingVoxels.Y), Pad(roi.Size.X, innerPaddingVoxels.X));
        return new Box(roi.Offset + pad, roi.Size - pad * 2);
    }
}
