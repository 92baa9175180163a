using Coloc.Core.Geometry;
using Coloc.Core.Profiles;

namespace Coloc.Core.Detection;

/// <summary>
/// Where detection runs (MagellanMapper <c>detect_blobs</c>, its resampling and mapping back; README, Differences from
/// MagellanMapper, D28): with the first channel's profile <c>isotropic</c> set, the image is resampled by <c>factor =
/// res / min(res) · isotropic</c> (z,y,x) to shape <c>trunc(shape · factor)</c>, and peaks are mapped back by
/// <c>trunc(coord · (1 / factor))</c>; otherwise the factor is 1 and the detection space is the image.
/// </summary>
public sealed record DetectionSpace
{
    /// <summary>Derives the space for an image of <paramref name="imageShape"/> voxels and voxel size <paramref name="resolutionUm"/> (µm).</summary>
    public DetectionSpace(ZyxInt imageShape, Zyx resolutionUm, RoiProfile firstProfile)
    {
        ArgumentNullException.ThrowIfNull(firstProfile);
        ImageShape = imageShape;
        if (firstProfile.Isotropic is { } iso)
        {
            double min = resolutionUm.Min;
            Factor = new Zyx(resolutionUm.Z / min * iso.Z, resolutionUm.Y / min * iso.Y, resolutionUm.X / min * iso.X);
            if (!Factor.IsFinite || Factor.Min <= 0)
                throw new ArgumentException($"isotropic factor {Factor} must be finite and > 0", nameof(firstProfile));
            Shape = new ZyxInt((int)(imageShape.Z * Factor.Z), (int)(imageShape.Y * Factor.Y), (int)(imageShape.X * Factor.X));
            if (Factor.Min < 1)
                throw new NotSupportedException($"isotropic factor {Factor} shrinks an axis (needs anti-aliasing), which Coloc does not support");
            if (Shape.Z < 1 || Shape.Y < 1 || Shape.X < 1)
                throw new ArgumentException($"isotropic resampling of {imageShape} by {Factor} leaves an empty axis", nameof(imageShape));
        }
        else
        {
            Factor = Zyx.All(1);
            Shape = imageShape;
        }
    }

    /// <summary>Input image shape z,y,x, voxels.</summary>
    public ZyxInt ImageShape { get; }

    /// <summary>Resampling factor z,y,x (1,1,1 without isotropy).</summary>
    public Zyx Factor { get; }

    /// <summary>Detection-space shape z,y,x, voxels.</summary>
    public ZyxInt Shape { get; }

    /// <summary>True when the image is resampled.</summary>
    public bool Resampled => Shape != ImageShape || Factor != Zyx.All(1);

    /// <summary>Maps a detection-space voxel back to the image: <c>trunc(c · (1 / factor))</c> per axis.</summary>
    public Zyx ToImage(int z, int y, int x) => Resampled
        ? new Zyx(Math.Truncate(z * (1 / Factor.Z)), Math.Truncate(y * (1 / Factor.Y)), Math.Truncate(x * (1 / Factor.X)))
        : new Zyx(z, y, x);
}
