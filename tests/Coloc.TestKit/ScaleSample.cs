using Coloc.Core.Geometry;
using Coloc.Core.Image;

namespace Coloc.TestKit;

/// <summary>
/// The sample of the block-parallel tests (bundled as <c>tests/slurm/sample.tif</c>): 2 channels of 24×128×128
/// 16-bit voxels of 2 µm, about 60 bright spots per channel, half of them shared between the channels.
/// </summary>
public static class ScaleSample
{
    /// <summary>The sample image.</summary>
    public static MultiChannelVolume<ushort> Create()
    {
        var img = SyntheticImage.Create(new ZyxInt(24, 128, 128), 2, 60, seed: 2026, brightness: 25);
        return new MultiChannelVolume<ushort>(img.Channels, Zyx.All(2));
    }

    /// <summary>The bundled file.</summary>
    public static string BundledPath => Path.Combine(RepoPaths.RepoRoot, "tests", "slurm", "sample.tif");
}
