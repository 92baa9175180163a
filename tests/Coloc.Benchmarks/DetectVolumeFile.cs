using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.Benchmarks;

/// <summary>
/// Writes the detection benchmark volume (64×512×512 uint16, seed 7000, 1 µm voxels) as an uncompressed ImageJ TIFF
/// for timing <c>coloc detect</c> under <c>/usr/bin/time -v</c>:
/// <c>dotnet run -c Release --project tests/Coloc.Benchmarks -- --write-detect-volume vol.tif</c>.
/// </summary>
public static class DetectVolumeFile
{
    public static void Write(string path)
    {
        var (vol, spots) = SyntheticVolumes.TimingVolume(new ZyxInt(64, 512, 512), 7000);
        TiffStackWriter.Write<ushort>(path, new IVolume<ushort>[] { vol }, new TiffWriteOptions { ResolutionUm = Zyx.All(1) });
        Console.WriteLine($"wrote {path}: 64x512x512 uint16, {spots.Length} spots planted");
    }
}
