using Coloc.Core.Geometry;
using Coloc.Core.Profiles;

namespace Coloc.Core.Matching;

/// <summary>
/// One match colocalization job (immutable). Either <see cref="Roi"/> (one ROI) or <see cref="ShapeVoxels"/>
/// (the whole stack) is set. All vectors are z,y,x.
/// </summary>
public sealed record MatchRequest
{
    /// <summary>Matching mode; default <see cref="MatchMode.Exact"/>.</summary>
    public MatchMode Mode { get; init; } = MatchMode.Exact;

    /// <summary>One ROI, voxels (half-open), or null for a whole-stack run.</summary>
    public Box? Roi { get; init; }

    /// <summary>Stack shape in voxels for a whole-stack run, or null for an ROI run.</summary>
    public ZyxInt? ShapeVoxels { get; init; }

    /// <summary>Tolerance in voxels. Required for an ROI run; for a stack run it overrides the profile's.</summary>
    public Zyx? TolVoxels { get; init; }

    /// <summary>Tolerance in µm (converted with <see cref="ResolutionUm"/>); exclusive with <see cref="TolVoxels"/>.</summary>
    public Zyx? TolUm { get; init; }

    /// <summary>Inner padding of an ROI run in voxels (magmap mode); default <c>floor(tol)</c>.</summary>
    public Zyx? InnerPaddingVoxels { get; init; }

    /// <summary>Channels to pair; null = all present.</summary>
    public IReadOnlyCollection<int>? Channels { get; init; }

    /// <summary>ROI profile (block size, tolerance factor); default <c>default</c>.</summary>
    public RoiProfile Profile { get; init; } = RoiProfiles.Default;

    /// <summary>Voxel size in µm; default (1,1,1).</summary>
    public Zyx ResolutionUm { get; init; } = Zyx.All(1);

    /// <summary>Worker threads; default all cores. Never changes the result.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Block size in voxels for exact runs: how the candidate search is divided into work units (components of the
    /// candidate graph are always global); null = the engine's choice (grid rows). Never changes the result.
    /// </summary>
    public ZyxInt? BlockSizeVoxels { get; init; }

    /// <summary>
    /// The tolerance in voxels the matches of this request are made with: an ROI run's given tolerance; a stack run's
    /// given one (exact) or the profile's (<c>overlap base × verify_tol_factor</c>; always for magmap).
    /// </summary>
    public Zyx EffectiveTolVoxels()
    {
        if (Roi is not null) return ResolveTolVoxels(default);
        var profileTol = new Magmap.MagmapBlockGeometry(Profile, ResolutionUm).MatchTolVoxels;
        return Mode == MatchMode.Magmap ? profileTol : ResolveTolVoxels(profileTol);
    }

    /// <summary>The tolerance in voxels that this request implies for a stack run, given the profile's geometry.</summary>
    public Zyx ResolveTolVoxels(Zyx profileTolVoxels)
    {
        if (TolVoxels is { } t) return t;
        if (TolUm is { } u) return u / ResolutionUm;
        return profileTolVoxels;
    }

    /// <summary>The tolerance in µm, z,y,x: <see cref="EffectiveTolVoxels"/> × <see cref="ResolutionUm"/>.</summary>
    public Zyx EffectiveTolUm() => EffectiveTolVoxels() * ResolutionUm;
}
