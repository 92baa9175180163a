using Coloc.Core.Geometry;
using Coloc.Core.Profiles;

namespace Coloc.Core.Matching.Magmap;

/// <summary>Options of a whole-stack match colocalization (immutable).</summary>
public sealed record StackMatchOptions
{
    /// <summary>ROI profile giving the block size and tolerance factor; default <c>default</c>.</summary>
    public RoiProfile Profile { get; init; } = RoiProfiles.Default;

    /// <summary>Voxel size z,y,x in µm; default (1,1,1).</summary>
    public Zyx ResolutionUm { get; init; } = Zyx.All(1);

    /// <summary>Channels to pair, or null for all channels present (MagellanMapper ignores this filter, we honour it;
    /// README, Differences from MagellanMapper, D8).</summary>
    public IReadOnlyCollection<int>? Channels { get; init; }

    /// <summary>Worker threads; default all cores. Results do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Use the corrected block overlap instead of MagellanMapper's axis mix-up (README, Differences from
    /// MagellanMapper, D4); default false.</summary>
    public bool CorrectedOverlap { get; init; }
}
