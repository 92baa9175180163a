using Coloc.Core.Blobs;
using Coloc.Core.Matching.Magmap;
using Coloc.Core.Geometry;
using Coloc.Core.Image;

namespace Coloc.Core.Detection;

/// <summary>
/// Blob detection as the block pipeline needs it: the blobs whole-image detection finds inside one box of the image,
/// computed from as much of the image around the box as the detector needs.
/// </summary>
/// <typeparam name="T">Pixel type.</typeparam>
public interface IBlobDetector<T> where T : unmanaged
{
    /// <summary>
    /// Exactly the blobs that detection on the whole of <paramref name="image"/> finds with their centre inside
    /// <paramref name="box"/> (half-open, image voxels): same positions, radii and flags; coordinates in image voxels;
    /// any order. The detector reads whatever margin around the box it needs.
    /// </summary>
    Blob[] DetectIn(RegionReader<T> image, Block box, CancellationToken cancellationToken);
}
