using Coloc.Core.Geometry;

namespace Coloc.IO.Tiff;

/// <summary>How a voxel size in µm is derived from TIFF and ImageJ metadata.</summary>
public static class TiffCalibration
{
    /// <summary>
    /// Voxel size z,y,x in µm. With an ImageJ header whose <c>unit</c> is a known length (µm per unit = u):
    /// y = u / YResolution, x = u / XResolution (pixels per unit; 1·u if the tag is absent or 0), z = u·spacing
    /// (1·u if absent). Without an ImageJ header but ResolutionUnit = 3 (cm): y,x = 10⁴ / resolution, z = 1.
    /// Anything else (no unit, <c>pixel</c>, inch/none resolution units): uncalibrated, (1, 1, 1).
    /// MagellanMapper reads the same tags (x,y as denominator/numerator of the rational, z from <c>spacing</c>).
    /// </summary>
    /// <param name="imageJ">The ImageJ header, or null.</param>
    /// <param name="resolution">XResolution, YResolution (pixels per unit; 0 if absent), ResolutionUnit (1 none, 2 inch, 3 cm).</param>
    public static Zyx ResolutionUm(ImageJDescription? imageJ, (double X, double Y, int Unit) resolution)
    {
        double? perUnit = imageJ?.MicronsPerUnit ?? (imageJ is null && resolution.Unit == 3 ? 1e4 : null);
        if (perUnit is not { } u) return Zyx.All(1);
        double Axis(double pixelsPerUnit) => pixelsPerUnit > 0 && double.IsFinite(pixelsPerUnit) ? u / pixelsPerUnit : u;
        double z = imageJ is null ? 1 : u * (imageJ.Spacing ?? 1);
        return new Zyx(z, Axis(resolution.Y), Axis(resolution.X));
    }
}
