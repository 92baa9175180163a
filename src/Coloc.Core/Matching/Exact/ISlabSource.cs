namespace Coloc.Core.Matching.Exact;

/// <summary>
/// Blobs cut into slabs along one axis (<see cref="Axis"/>: 0 = z, 1 = y, 2 = x) for out-of-core exact matching
/// (<see cref="SlabColocalizer"/>): slab k holds any blobs, but <see cref="MinCoordinate"/> must be the true smallest
/// coordinate along the axis in it, so that once slabs 0..k are read every unread blob lies at or beyond the minimum
/// over the later slabs. Slabs thin enough to fit in memory, read one at a time, bound the memory of a run.
/// </summary>
public interface ISlabSource
{
    /// <summary>The axis the slabs are cut along: 0 = z, 1 = y, 2 = x.</summary>
    int Axis { get; }

    /// <summary>Number of slabs (≥ 1), read in order 0, 1, …</summary>
    int SlabCount { get; }

    /// <summary>Number of input blobs; blob ids are their input rows, 0 ≤ id &lt; this.</summary>
    long BlobCount { get; }

    /// <summary>Distinct channels of all blobs (truncated to int), ascending.</summary>
    IReadOnlyList<int> Channels { get; }

    /// <summary>Smallest coordinate along <see cref="Axis"/> (voxels) of any blob in slab <paramref name="slab"/>; +∞ when it is empty.</summary>
    double MinCoordinate(int slab);

    /// <summary>The blobs of slab <paramref name="slab"/> whose channel truncates to <paramref name="channel"/>, with their ids, in any order.</summary>
    SlabBlobs Read(int slab, int channel);
}
