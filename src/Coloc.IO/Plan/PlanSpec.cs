using Coloc.Core.Geometry;
using Coloc.Core.Pipeline;

namespace Coloc.IO.Plan;

/// <summary>
/// Everything a block-parallel run depends on (the content of <c>plan.json</c>): which image, the block grid and the
/// detection and matching parameters. Block results carry <see cref="PlanFile.Hash"/> of it, so results of another
/// plan are never merged.
/// </summary>
public sealed record PlanSpec
{
    /// <summary>Absolute path of the image file.</summary>
    public required string ImagePath { get; init; }

    /// <summary>Size of the image file in bytes when the plan was made.</summary>
    public required long ImageBytes { get; init; }

    /// <summary>Last write time of the image file (UTC, round-trip "o" format) when the plan was made.</summary>
    public required string ImageModifiedUtc { get; init; }

    /// <summary>Image shape z,y,x, voxels.</summary>
    public required ZyxInt ShapeVoxels { get; init; }

    /// <summary>Number of image channels.</summary>
    public required int ChannelCount { get; init; }

    /// <summary>Voxel size z,y,x in µm used for detection and matching.</summary>
    public required Zyx ResolutionUm { get; init; }

    /// <summary>Block core size z,y,x, voxels.</summary>
    public required ZyxInt CoreVoxels { get; init; }

    /// <summary>
    /// Detection halo z,y,x, voxels: the image margin read around a block for detection (the detector widens it by
    /// itself where exactness needs more, so it changes the cost, never the result).
    /// </summary>
    public required ZyxInt HaloVoxels { get; init; }

    /// <summary>ROI profile names, comma-separated (e.g. <c>default,lightsheet</c>).</summary>
    public required string Profile { get; init; }

    /// <summary>Profile settings <c>key=value</c> applied on top of <see cref="Profile"/>, in order (<c>--profile-set</c>).</summary>
    public IReadOnlyList<string> ProfileSettings { get; init; } = [];

    /// <summary>Match tolerance in voxels (overrides the profile's), or null.</summary>
    public Zyx? TolVoxels { get; init; }

    /// <summary>Match tolerance in µm (overrides the profile's), or null.</summary>
    public Zyx? TolUm { get; init; }

    /// <summary>Channels to pair in matching (0-based), or null for all.</summary>
    public IReadOnlyList<int>? MatchChannels { get; init; }

    /// <summary>The block grid of this plan.</summary>
    public BlockGrid Grid => new(ShapeVoxels, CoreVoxels);
}
