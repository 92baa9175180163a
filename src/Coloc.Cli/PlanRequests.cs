using Coloc.Core.Engine;
using Coloc.Core.Profiles;
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
            Profile = Profile(spec.Profile),
            Threads = threads,
        };
    }

    /// <summary>Resolves comma-separated profile names; a bad name is a usage error naming <c>--profile</c>.</summary>
    public static RoiProfile Profile(string names)
    {
        try
        {
            return RoiProfiles.Resolve(names);
        }
        catch (ArgumentException e)
        {
            throw new UsageException("--profile: " + e.Message.Split(" (Parameter")[0]);
        }
    }
}
