using Coloc.Core.Geometry;

namespace Coloc.IO.Tiff;

/// <summary>How a voxel size in µm is derived from TIFF and ImageJ metadata.</summary>
public static class TiffCalibration
{
    /// <summary>
    /// Voxel size z,y,x in µm. With an ImageJ header whose <c>unit</c> is a known length (µm per unit = u):
    /// y = u · (1 / YResolution), x = u · (1 / XResolution), the reciprocal taken as denominator / numerator of the
    /// rational tag exactly as MagellanMapper does (u if the tag is absent), z = u · spacing (u if absent). Without
    /// an ImageJ header but ResolutionUnit = 3 (cm): y,x = 10⁴ · (1 / resolution), z = 1. Anything else (no unit,
    /// <c>pixel</c>, inch/none resolution units): uncalibrated, (1, 1, 1).
    /// </summary>
    /// <param name="imageJ">The ImageJ header, or null.</param>
    /// <param name="unitsPerPixelX">1 / XResolution (pixel width in resolution units), 0 if absent.</param>
    /// <param name="unitsPerPixelY">1 / YResolution, 0 if absent.</param>
    /// <param name="resolutionUnit">TIFF ResolutionUnit: 1 none, 2 inch, 3 cm.</param>
    public static Zyx ResolutionUm(ImageJDescription? imageJ, double unitsPerPixelX, double unitsPerPixelY, int resolutionUnit)
    {
        double? perUnit = imageJ?.MicronsPerUnit ?? (imageJ is null && resolutionUnit == 3 ? 1e4 : null);
        if (perUnit is not { } u) return Zyx.All(1);
        double Axis(double unitsPerPixel) => unitsPerPixel > 0 && double.IsFinite(unitsPerPixel) ? u * unitsPerPixel : u;
        double z = imageJ is null ? 1 : u * (imageJ.Spacing ?? 1);
        return new Zyx(z, Axis(unitsPerPixelY), Axis(unitsPerPixelX));
    }
}
