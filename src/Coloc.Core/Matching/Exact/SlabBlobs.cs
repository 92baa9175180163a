using Coloc.Core.Blobs;

namespace Coloc.Core.Matching.Exact;

/// <summary>Blobs of one slab and channel with their ids (input rows), as parallel arrays of equal length.</summary>
/// <param name="Blobs">The blobs, unchanged.</param>
/// <param name="Ids">The input row of each blob.</param>
public sealed record SlabBlobs(Blob[] Blobs, long[] Ids)
{
    /// <summary>No blobs.</summary>
    public static SlabBlobs Empty { get; } = new([], []);
}
