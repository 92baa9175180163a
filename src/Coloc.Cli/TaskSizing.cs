using Coloc.Core.Pipeline;
using Coloc.IO.Plan;

namespace Coloc.Cli;

/// <summary>Suggested array sizes: tasks of at least 10 minutes, at most 1000 tasks (see README, "Whole-brain runs").</summary>
public static class TaskSizing
{
    /// <summary>
    /// Detection throughput assumed for sizing, region voxels per second per channel on one core: about what
    /// <c>PipelineBench</c> measured here (4.7·10⁶ at 2 µm voxels on a 2-core machine under heavy load; the default
    /// profile's kernels at 1 µm are about twice as wide), rounded down. It only sizes tasks; results never depend on it.
    /// </summary>
    public const double VoxelsPerSecond = 2e6;

    /// <summary>Estimated seconds for one block: region voxels × channels / <see cref="VoxelsPerSecond"/>.</summary>
    public static double SecondsPerBlock(PlanSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var region = spec.Grid.Grow(spec.Grid.Core(0), spec.HaloVoxels).Shape;
        return region.Volume * (double)spec.ChannelCount / VoxelsPerSecond;
    }

    /// <summary>The suggested task count T for <paramref name="spec"/> (<see cref="Shards.SuggestedTasks"/>).</summary>
    public static int Suggest(PlanSpec spec) => Shards.SuggestedTasks(spec.Grid.Count, SecondsPerBlock(spec));
}
