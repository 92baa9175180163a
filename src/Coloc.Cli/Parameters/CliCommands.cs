using Coloc.Core.Parameters;
using static Coloc.Cli.Parameters.ClusterParameters;
using static Coloc.Core.Parameters.SharedParameters;

namespace Coloc.Cli.Parameters;

/// <summary>
/// Every <c>coloc</c> command: its name, one-line description and parameter declarations. The commands build their
/// options from here and <c>coloc docs</c> prints the README's option tables from here.
/// </summary>
public static class CliCommands
{
    /// <summary>One command.</summary>
    /// <param name="Name">Command path, e.g. <c>db select</c>.</param>
    /// <param name="Description">One line.</param>
    /// <param name="Parameters">Its parameters (those with a flag become options).</param>
    public sealed record Entry(string Name, string Description, IReadOnlyList<ParameterSpec> Parameters);

    /// <summary><c>coloc match</c>.</summary>
    public static Entry Match { get; } = new("match", "Match blobs between channels (one ROI or the whole stack).",
        BlobInputParameters.WithBlobFiles([.. MatchParameters.All, LimitParameters.MaxChannels]));

    /// <summary><c>coloc intensity</c>.</summary>
    public static Entry Intensity { get; } = new("intensity",
        "Flag blobs whose neighbourhood is bright in each channel (MagellanMapper colocalize_blobs).",
        BlobInputParameters.WithBlobFiles(IntensityParameters.All));

    /// <summary><c>coloc blobs</c>.</summary>
    public static Entry Blobs { get; } = new("blobs",
        "Convert blob files (" + BlobInputParameters.Formats + ") to Coloc CSV, ImageJ point ROIs (.roi, RoiSet .zip) or Cell Counter XML (.xml).",
    [
        BlobInputParameters.In,
        SharedParameters.OutFile with { Help = "Output file; its extension chooses the format: .csv, .roi, .zip (RoiSet) or .xml (Cell Counter)" },
        .. BlobInputParameters.Reading,
        SharedParameters.Resolution with { Help = "Voxel size Z,Y,X, to convert --units um text to voxels", DefaultText = null },
    ]);

    /// <summary><c>coloc detect</c>.</summary>
    public static Entry Detect { get; } = new("detect",
        "Detect blobs (Laplacian of Gaussian, as MagellanMapper) and write them as a blob CSV.", [.. DetectParameters.All, .. LimitParameters.All]);

    /// <summary><c>coloc db select</c>.</summary>
    public static Entry DbSelect { get; } = new("db select", "Read stored matches (whole image or a region) into match CSVs.", DatabaseParameters.All);

    /// <summary><c>coloc run</c>.</summary>
    public static Entry Run { get; } = new("run",
        "Detect blobs, match them between channels (exact) and colocalize by intensity, in one go.",
        [OutFolder, Database, Experiment, .. PipelineParameters.All,
         RegionParameters.Labels with { Help = RegionParameters.Labels.Help + "; adds coloc regions' output in OUT/regions" },
         RegionParameters.Ontology, RegionParameters.Level, RegionParameters.Permutations, RegionParameters.Seed, RegionParameters.LMaxUm,
         .. LimitParameters.All]);

    /// <summary><c>coloc plan</c>.</summary>
    public static Entry Plan { get; } = new("plan",
        "Plan a block-parallel run: block grid, halo and parameters in PLAN_DIR/plan.json.",
        [OutFolder with { Help = "Plan folder (created if missing)" }, .. PipelineParameters.All, .. LimitParameters.All]);

    /// <summary><c>coloc run-block</c>.</summary>
    public static Entry RunBlock { get; } = new("run-block", "Detect blobs in blocks of a plan and write one result file per block.",
    [
        ClusterParameters.Plan, BlockIndex, Shard, Blocks,
        Tasks with { Help = Tasks.Help + "; with the index from the scheduler's environment, that index is a task" },
        IndexBase with { DefaultText = "0 for SLURM/PBS, 1 for LSF/SGE" },
        Threads,
    ]);

    /// <summary><c>coloc merge</c>.</summary>
    public static Entry Merge { get; } = new("merge",
        "Merge the block results of a plan into the whole-image result (as 'coloc run').",
        [ClusterParameters.Plan, OutFolder, Database, Experiment, Threads]);

    /// <summary><c>coloc status</c>.</summary>
    public static Entry Status { get; } = new("status", "Show which block results of a plan are present; exit 3 listing the missing ones.",
    [
        ClusterParameters.Plan,
        Tasks with { Help = Tasks.Help + ": also list the tasks to resubmit" },
        IndexBase with { Default = "0" },
        List,
    ]);

    /// <summary><c>coloc emit-jobs</c>.</summary>
    public static Entry EmitJobs { get; } = new("emit-jobs", "Write scheduler job scripts for a plan (array of block tasks + dependent merge).",
    [
        ClusterParameters.Plan, Scheduler,
        Tasks with { DefaultText = "the plan's suggestion; tasks of >= 10 min, arrays of <= 1000" },
        MaxRunning, Partition, Time,
        OutFolder with { Required = false, Help = "Output folder of the merge", DefaultText = "PLAN_DIR/result" },
        Database with { Help = "Database the merge also writes" },
        ColocCommand,
    ]);

    /// <summary><c>coloc regions</c>.</summary>
    public static Entry Regions { get; } = new("regions",
        "Count blobs and matches per atlas region (heat maps as MagellanMapper) and test each region's matches against a null model.",
        RegionParameters.All);

    /// <summary>Every command, in the order of <c>coloc docs</c>.</summary>
    public static IReadOnlyList<Entry> All { get; } = [Match, Intensity, Blobs, Detect, DbSelect, Run, Plan, RunBlock, Merge, Status, EmitJobs, Regions];

    /// <summary>The options of <paramref name="entry"/>, ready to add to its command.</summary>
    public static CliParameters Options(Entry entry) => new((entry ?? throw new ArgumentNullException(nameof(entry))).Parameters);
}
