namespace Coloc.Core.Regions;

/// <summary>
/// The sums of one label id over the labels image (one row of the per-region table).
/// </summary>
/// <param name="Label">The region id (0 = background; negative = mirrored hemisphere).</param>
/// <param name="Voxels">Labels voxels with this id.</param>
/// <param name="Blobs">Per channel map (in the order given to <see cref="RegionCounter.Count"/>): blobs counted in those voxels.</param>
/// <param name="Matches">Per channel-pair map (same order): matches whose channel-a blob is counted in those voxels.</param>
public sealed record RegionRow(long Label, long Voxels, long[] Blobs, long[] Matches);
