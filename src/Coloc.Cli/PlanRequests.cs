using Coloc.Core.Detection;
using Coloc.Core.Matching;
using Coloc.Core.Parameters;
using Coloc.IO.Plan;

namespace Coloc.Cli;

/// <summary>The engine requests a plan implies; <c>coloc run</c> and <c>coloc merge</c> both build them here, so they match with the same parameters.</summary>
public static class PlanRequests
{
    /// <summary>The exact whole-stack match request of <paramref name="spec"/>.</summary>
    public static MatchRequest Match(PlanSpec spec, int threads)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new MatchRequest
        {
            Mode = MatchMode.Exact,
            ShapeVoxels = spec.ShapeVoxels,
            TolVoxels = spec.TolVoxels,
            TolUm = spec.TolUm,
            Channels = spec.MatchChannels?.ToArray(),
            ResolutionUm = spec.ResolutionUm,
            Profile = ProfileParameters.Resolve(spec.Profile, spec.ProfileSettings),
            Threads = threads,
        };
    }

    /// <summary>The detection options of <paramref name="spec"/>: its profile for every channel, all channels.</summary>
    public static DetectionOptions Detection(PlanSpec spec, int threads)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new DetectionOptions { Profiles = [ProfileParameters.Resolve(spec.Profile, spec.ProfileSettings)], Threads = threads };
    }
}
