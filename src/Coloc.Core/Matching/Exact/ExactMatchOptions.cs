using Coloc.Core.Geometry;

namespace Coloc.Core.Matching.Exact;

/// <summary>Settings of an exact colocalization (immutable). Vectors are z,y,x.</summary>
public sealed record ExactMatchOptions
{
    /// <summary>
    /// Match tolerance in voxels, z,y,x, every component finite and &gt; 0. A pair is admissible iff its scaled
    /// distance (coordinates multiplied per axis by <c>max(tol)/tol</c>) is strictly below <c>max(tol)</c>.
    /// </summary>
    public required Zyx TolVoxels { get; init; }

    /// <summary>One ROI in voxels (half-open, <c>offset &lt;= coord &lt; offset+size</c>): only blobs inside take part; null = all blobs.</summary>
    public Box? Roi { get; init; }

    /// <summary>Channels to pair (0-based); null = every channel present in the input.</summary>
    public IReadOnlyCollection<int>? Channels { get; init; }

    /// <summary>Worker threads (≥ 1); default all cores. Never changes the result.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Block size in voxels, z,y,x: the candidate search works block by block (blobs of the lower channel grouped by
    /// <c>floor(coord / size)</c>); null = grouped by the search grid's rows. Components of the candidate graph are
    /// always global, so the block size never changes the result.
    /// </summary>
    public ZyxInt? BlockSizeVoxels { get; init; }
}
