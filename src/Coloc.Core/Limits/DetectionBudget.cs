using System.Globalization;
using Coloc.Core.Detection;
using Coloc.Core.Geometry;

namespace Coloc.Core.Limits;

/// <summary>
/// Checks a LoG detection run against <see cref="ResourceLimits"/> before anything is read or allocated, with every
/// size computed in floating point (no overflow). Refused: more channels or sigmas than allowed; a kernel radius
/// <c>int(4σ + 0.5)</c> beyond <c>4·D + 64</c> voxels (D the largest detection-space dimension: such a sigma sees
/// only the reflected image, and comes from a wrong resolution or sigma factor); isotropic resampling that grows the
/// image more than <see cref="MaxResampleGrowth"/> times; more blocks than allowed; blocks whose halos make them read
/// the image more than <see cref="MaxHaloReread"/> times over; and a planned memory above the limit. Planned memory, bytes: the resident image (<c>channels · volume · bytes per voxel</c>) plus, per region of
/// shape <c>(z, y, x)</c> in detection space, the detector's planes <c>(min(z, 2r+1) + 5S) · y · (x+8) · 8</c>, its row
/// buffers <c>(3 · y · (x + 2r) + 2 · y · (2r+1)) · 8</c> and the resampling tables <c>24 · (Z+Y+X)</c>.
/// </summary>
public static class DetectionBudget
{
    /// <summary>Largest growth of the voxel count by isotropic resampling (1,000).</summary>
    public const double MaxResampleGrowth = 1000;

    /// <summary>
    /// Most times the blocks of a user's block size, each read with its halo, may read the image over (64): blocks far
    /// smaller than the kernel (<c>--block-size 1,1,1</c>) would each run the detector on nearly the whole image.
    /// </summary>
    public const double MaxHaloReread = 64;

    /// <summary>
    /// Checks a run over an image of <paramref name="imageShape"/> voxels and <paramref name="imageChannels"/> channels
    /// of <paramref name="bytesPerVoxel"/> bytes, detected in blocks of <paramref name="blockCoreVoxels"/> (detection-space
    /// voxels, read with a halo of <c>r + 1</c>; null = the whole image at once). <paramref name="residentImageBytes"/>:
    /// the image bytes held during the run (NaN, the default, = the whole image). <paramref name="maxHaloReread"/>: most
    /// times the blocks with their halos may read the image over (the fronts pass <see cref="MaxHaloReread"/> for a
    /// user's block size; none by default). Returns the planned memory, bytes.
    /// </summary>
    /// <exception cref="ResourceLimitException">A limit is exceeded; the message names it and its flag.</exception>
    public static double Check(ZyxInt imageShape, int imageChannels, int bytesPerVoxel, Zyx resolutionUm, DetectionOptions options,
        ZyxInt? blockCoreVoxels, ResourceLimits limits, double residentImageBytes = double.NaN, double maxHaloReread = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        if (imageChannels > limits.MaxChannels)
            throw new ResourceLimitException($"the image has {imageChannels} channels, more than the limit of {limits.MaxChannels} (--max-channels)");
        if (!resolutionUm.IsFinite || resolutionUm.Min <= 0)
            throw new ResourceLimitException($"resolution {resolutionUm} must be finite and > 0");
        var first = options.ProfileFor(options.Channels is { Count: > 0 } ch ? ch[0] : 0);
        Zyx factor = Zyx.All(1);
        if (first.Isotropic is { } iso)
            factor = new Zyx(resolutionUm.Z / resolutionUm.Min * iso.Z, resolutionUm.Y / resolutionUm.Min * iso.Y, resolutionUm.X / resolutionUm.Min * iso.X);
        double growth = factor.Z * factor.Y * factor.X;
        if (!double.IsFinite(growth) || growth > MaxResampleGrowth)
            throw new ResourceLimitException($"isotropic resampling by {factor} (profile isotropic × resolution ratios) grows the image {Num(growth)} times, more than {MaxResampleGrowth:0}");
        var space = new Zyx(imageShape.Z * factor.Z, imageShape.Y * factor.Y, imageShape.X * factor.X);
        int channels = options.Channels?.Count ?? imageChannels;
        double rMax = 0;
        int sigmas = 0;
        for (int i = 0; i < Math.Max(1, channels); i++)
        {
            var p = options.ProfileFor(options.Channels is { } c && i < c.Count ? c[i] : i);
            if (p.NumSigma > limits.MaxSigmas)
                throw new ResourceLimitException($"profile '{p.Name}' has num_sigma={p.NumSigma}, more than the limit of {limits.MaxSigmas} (--max-sigmas)");
            double sigma = Math.Max(p.MinSigmaFactor, p.MaxSigmaFactor) / resolutionUm.X;
            double radius = Math.Floor(4 * sigma + 0.5);
            if (!double.IsFinite(radius) || radius > 4 * space.Max + 64)
                throw new ResourceLimitException($"profile '{p.Name}': sigma factor {Num(Math.Max(p.MinSigmaFactor, p.MaxSigmaFactor))} µm at x resolution {Num(resolutionUm.X)} µm/voxel is {Num(sigma)} voxels, a kernel radius of {Num(radius)} beyond an image of at most {Num(space.Max)} voxels; check the resolution and the sigma factors");
            rMax = Math.Max(rMax, radius);
            sigmas = Math.Max(sigmas, p.NumSigma);
        }
        var core = blockCoreVoxels is { } b ? new Zyx(b.Z, b.Y, b.X) : space;
        double blockCount = Math.Ceiling(space.Z / core.Z) * Math.Ceiling(space.Y / core.Y) * Math.Ceiling(space.X / core.X);
        var region = blockCoreVoxels is null ? space : core + Zyx.All(2 * (rMax + 1));
        region = new Zyx(Math.Min(region.Z, Math.Floor(space.Z)), Math.Min(region.Y, Math.Floor(space.Y)), Math.Min(region.X, Math.Floor(space.X)));
        if (!(blockCount <= limits.MaxBlocks))
            throw new ResourceLimitException($"{Num(blockCount)} work blocks, more than the limit of {limits.MaxBlocks} (--max-blocks); use a larger block size");
        double reread = blockCount * region.Z * region.Y * region.X / (space.Z * space.Y * space.X);
        if (!(reread <= maxHaloReread))
            throw new ResourceLimitException($"blocks of {blockCoreVoxels} voxels, each read with a halo of {Num(rMax + 1)} voxels (kernel radius + 1), read the image {Num(Math.Round(reread))} times over, more than {Num(maxHaloReread)}; use a larger block size (--block-size)");
        double image = double.IsNaN(residentImageBytes) ? (double)imageChannels * imageShape.Volume * bytesPerVoxel : residentImageBytes;
        double planeBytes = region.Y * (region.X + 8) * 8.0;
        double detector = (Math.Min(region.Z, 2 * rMax + 1) + 5.0 * sigmas) * planeBytes
            + (3 * region.Y * (region.X + 2 * rMax) + 2 * region.Y * (2 * rMax + 1)) * 8.0
            + 24 * (space.Z + space.Y + space.X);
        double total = image + detector;
        if (!(total <= limits.MaxMemoryBytes))
            throw new ResourceLimitException($"detection would need about {ResourceLimits.FormatBytes(total)} (image {ResourceLimits.FormatBytes(image)}, detector {ResourceLimits.FormatBytes(detector)} for {sigmas} sigmas up to kernel radius {Num(rMax)}), more than the limit of {ResourceLimits.FormatBytes(limits.MaxMemoryBytes)} (--max-memory)");
        return total;
    }

    private static string Num(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
