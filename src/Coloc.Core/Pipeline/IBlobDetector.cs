using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Imaging;

namespace Coloc.Core.Pipeline;

/// <summary>
/// Blob detection as the block pipeline sees it: all channels of an image (a whole image or one block region of a
/// larger one) in, blobs with coordinates relative to that image out.
/// </summary>
/// <typeparam name="T">Pixel type.</typeparam>
public interface IBlobDetector<T> where T : unmanaged
{
    /// <summary>
    /// Context radius z,y,x in voxels: a blob whose centre lies at least this far from every face of the given image
    /// that is not a face of the whole image is found exactly as detection on the whole image finds it (same
    /// position, radius and flags), and no other blob is found there. This is the filter support plus the scale-space
    /// neighbourhood plus the overlap-pruning reach.
    /// </summary>
    ZyxInt ContextVoxels { get; }

    /// <summary>Detects blobs in every channel; coordinates in voxels relative to <paramref name="image"/>; any order.</summary>
    Blob[] Detect(MultiChannelVolume<T> image, CancellationToken cancellationToken);
}
