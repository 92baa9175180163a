using Coloc.Core.Parameters;
using Coloc.IO.Plan;

namespace Coloc.Cli.Parameters;

/// <summary>
/// Parameters of the cluster commands (<c>plan</c>, <c>run-block</c>, <c>merge</c>, <c>status</c>, <c>emit-jobs</c>):
/// scheduler matters, so declared here rather than in Core, with the same <see cref="ParameterSpec"/>.
/// </summary>
public static class ClusterParameters
{
    /// <summary>A plan folder made by <c>coloc plan</c>.</summary>
    public static ParameterSpec Plan { get; } = new("plan", ParameterKind.Folder, "Plan folder (made by 'coloc plan')")
    { Flag = "--plan", Required = true };

    /// <summary>One block index.</summary>
    public static ParameterSpec BlockIndex { get; } = new("block index", ParameterKind.Integer, "One block index I (0-based)")
    { Flag = "--block-index" };

    /// <summary>A shard t/T of the block list.</summary>
    public static ParameterSpec Shard { get; } = new("shard", ParameterKind.Text,
        "Shard t/T: the t-th of T contiguous slices of the block list (t 0-based)")
    { Flag = "--shard" };

    /// <summary>Blocks as a range list.</summary>
    public static ParameterSpec Blocks { get; } = new("blocks", ParameterKind.Text, "Blocks as a range list, e.g. 0-3,7")
    { Flag = "--blocks" };

    /// <summary>Array task count T (one meaning: the blocks are sharded into T tasks).</summary>
    public static ParameterSpec Tasks { get; } = new("tasks", ParameterKind.Integer,
        "Array task count T: the blocks are sharded into T contiguous tasks")
    { Flag = "--tasks" };

    /// <summary>First array index of the scheduler.</summary>
    public static ParameterSpec IndexBase { get; } = new("index base", ParameterKind.Choice,
        "First index the scheduler's array uses: 0 (SLURM, PBS) or 1 (LSF, SGE)")
    { Flag = "--index-base", Choices = ["0", "1"] };

    /// <summary>Print only range lists.</summary>
    public static ParameterSpec List { get; } = new("list", ParameterKind.Switch,
        "Print only the range list of missing tasks (with --tasks) or blocks")
    { Flag = "--list" };

    /// <summary>The scheduler.</summary>
    public static ParameterSpec Scheduler { get; } = new("scheduler", ParameterKind.Choice, "Scheduler")
    { Flag = "--scheduler", Required = true, Choices = [.. JobScripts.Schedulers] };

    /// <summary>Tasks running at once.</summary>
    public static ParameterSpec MaxRunning { get; } = new("max running", ParameterKind.Integer, "Tasks running at once, M")
    { Flag = "--max-running", Minimum = 1, DefaultText = "min(T, 100)" };

    /// <summary>Partition or queue.</summary>
    public static ParameterSpec Partition { get; } = new("partition", ParameterKind.Text, "Partition (SLURM) or queue (LSF, SGE, PBS)")
    { Flag = "--partition", Help = "Partition (SLURM) or queue (LSF, SGE, PBS): letters, digits and _.:,+=@/-" };

    /// <summary>Wall-time limit.</summary>
    public static ParameterSpec Time { get; } = new("time", ParameterKind.Text,
        "Wall-time limit per task, in the scheduler's syntax (SLURM: 01:00:00): letters, digits and _.:,+=@/-")
    { Flag = "--time" };

    /// <summary>The coloc command on the compute nodes.</summary>
    public static ParameterSpec ColocCommand { get; } = new("coloc", ParameterKind.Text,
        "Command that runs coloc on the compute nodes: words separated by spaces, each written quoted into the scripts")
    { Flag = "--coloc", DefaultText = "this executable" };
}
