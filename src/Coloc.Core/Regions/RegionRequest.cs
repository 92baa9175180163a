using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;

namespace Coloc.Core.Regions;

/// <summary>One per-region analysis (immutable): inputs of <see cref="RegionAnalysis.Run"/>.</summary>
public sealed record RegionRequest
{
    /// <summary>All input blobs (full-resolution voxels z,y,x).</summary>
    public required Blob[] Blobs { get; init; }

    /// <summary>The observed matches per channel pair (a pair may be empty).</summary>
    public required IReadOnlyList<(ChannelPair Pair, BlobMatch Matches)> Pairs { get; init; }

    /// <summary>Channels counted (ascending), 0-based.</summary>
    public required int[] Channels { get; init; }

    /// <summary>The labels.</summary>
    public required LabelGrid Labels { get; init; }

    /// <summary>Full-resolution image shape, voxels z,y,x.</summary>
    public required ZyxInt ImageShape { get; init; }

    /// <summary>The tolerance of the matches in voxels (for the CSR expectation).</summary>
    public required Zyx TolVoxels { get; init; }

    /// <summary>Rematches blobs of both channels of a pair with the observed mode and tolerance (thread-safe, deterministic).</summary>
    public required Func<ChannelPair, Blob[], BlobMatch> Rematch { get; init; }

    /// <summary>
    /// True when <see cref="Rematch"/> is exact matching (<see cref="MatchMode.Exact"/>) of the whole stack with
    /// tolerance <see cref="TolVoxels"/>: the null draws are then counted by <see cref="RegionNullModel.ExactCounts"/>
    /// (the same counts, far faster) instead of calling <see cref="Rematch"/>. Default false.
    /// </summary>
    public bool ExactRematch { get; init; }

    /// <summary>Null draws; 0 = no significance. Default 199.</summary>
    public int Permutations { get; init; } = 199;

    /// <summary>Seed; default 1.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Threads (never changes the result).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>µm per full-resolution voxel, z,y,x (distances of the L(r) curves); default 1,1,1.</summary>
    public Zyx ResolutionUm { get; init; } = Zyx.All(1);

    /// <summary>Largest radius of the L(r) curves (<see cref="CrossKFunction"/>), µm; 0 (default) = no curves.</summary>
    public double LMaxRadiusUm { get; init; }

    /// <summary>The ontology to aggregate with, or null.</summary>
    public Ontology? Ontology { get; init; }

    /// <summary>Aggregate to this ontology level (needs <see cref="Ontology"/>), or null for the labels as drawn.</summary>
    public int? Level { get; init; }
}
