using Coloc.Core.Blobs;

namespace Coloc.Core.Pipeline;

/// <summary>
/// What one block contributes to a whole-image result: the blobs its core owns, in canonical order
/// (<see cref="BlobOrder"/>), with their neighbourhood means (<see cref="Intensity.NeighbourhoodMeans"/>).
/// </summary>
/// <param name="Index">Block index in the grid.</param>
/// <param name="ChannelCount">Number of image channels C.</param>
/// <param name="Blobs">Owned blobs, image coordinates in voxels, canonical order.</param>
/// <param name="Means">Row-major blobs × C neighbourhood means (NaN for an empty neighbourhood).</param>
public sealed record BlockResult(int Index, int ChannelCount, Blob[] Blobs, double[] Means)
{
    /// <summary>Checks the shapes of the arrays.</summary>
    /// <exception cref="ArgumentException">The means do not fill blobs × C.</exception>
    public void Validate()
    {
        if (ChannelCount < 1) throw new ArgumentException($"block {Index}: channel count must be >= 1, got {ChannelCount}");
        if (Means.Length != Blobs.Length * ChannelCount)
            throw new ArgumentException($"block {Index}: {Means.Length} means for {Blobs.Length} blobs × {ChannelCount} channels");
    }
}
