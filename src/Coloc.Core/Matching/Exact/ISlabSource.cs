namespace Coloc.Core.Matching.Exact;

/// <summary>
/// Blobs cut into z-slabs for out-of-core exact matching (<see cref="SlabColocalizer"/>): slab k holds any blobs, but
/// <see cref="MinZ"/> must be the true smallest z in it, so that once slabs 0..k are read every unread blob has
/// z ≥ min over the later slabs. Slabs thin enough to fit in memory, read one at a time, bound the memory of a run.
/// </summary>
public interface ISlabSource
{
    /// <summary>Number of slabs (≥ 1), read in order 0, 1, …</summary>
    int SlabCount { get; }

    /// <summary>Number of input blobs; blob ids are their input rows, 0 ≤ id &lt; this.</summary>
    long BlobCount { get; }

    /// <summary>Distinct channels of all blobs (truncated to int), ascending.</summary>
    IReadOnlyList<int> Channels { get; }

    /// <summary>Smallest z (voxels) of any blob in slab <paramref name="slab"/>; +∞ when it is empty.</summary>
    double MinZ(int slab);

    /// <summary>The blobs of slab <paramref name="slab"/> whose channel truncates to <paramref name="channel"/>, with their ids, in any order.</summary>
    SlabBlobs Read(int slab, int channel);
}
