namespace Coloc.IO.Plan;

/// <summary>What the emitted job scripts run and ask the scheduler for.</summary>
public sealed record JobScriptOptions
{
    /// <summary>The command that runs Coloc on the compute nodes (e.g. <c>/shared/bin/coloc</c>), already shell-quoted.</summary>
    public required string ColocCommand { get; init; }

    /// <summary>Absolute plan folder.</summary>
    public required string PlanDir { get; init; }

    /// <summary>Plan hash (names the jobs, so two plans never wait on each other).</summary>
    public required string PlanHash { get; init; }

    /// <summary>Blocks in the plan, N.</summary>
    public required int BlockCount { get; init; }

    /// <summary>Array tasks T (1 ≤ T ≤ N); task t runs shard t of T.</summary>
    public required int Tasks { get; init; }

    /// <summary>At most this many tasks at once (≥ 1; SLURM <c>%M</c>, LSF <c>%M</c>, SGE <c>-tc</c>, PBS <c>max_run_subjobs</c>).</summary>
    public required int MaxRunning { get; init; }

    /// <summary>Absolute output folder of the merge.</summary>
    public required string OutDir { get; init; }

    /// <summary>Absolute database file the merge also writes, or null.</summary>
    public string? DbPath { get; init; }

    /// <summary>Partition (SLURM) or queue (LSF, SGE, PBS), or null for the default.</summary>
    public string? Partition { get; init; }

    /// <summary>Wall-time limit per task in the scheduler's own syntax (e.g. SLURM <c>01:00:00</c>), or null.</summary>
    public string? Time { get; init; }

    /// <summary>Job name: <c>coloc-</c> plus the first 8 hex digits of the plan hash.</summary>
    public string JobName => "coloc-" + PlanHash[..8];

    /// <summary>The <c>coloc merge</c> command line.</summary>
    public string MergeCommand =>
        $"{ColocCommand} merge --plan {Shell.Quote(PlanDir)} --out {Shell.Quote(OutDir)}" + (DbPath is null ? "" : " --db " + Shell.Quote(DbPath));

    /// <summary>The <c>coloc status</c> command that lists the tasks to resubmit.</summary>
    public string StatusCommand(int indexBase) =>
        $"{ColocCommand} status --plan {Shell.Quote(PlanDir)} --tasks {Tasks} --index-base {indexBase} --list";

    /// <summary>The log folder (created by <c>emit-jobs</c>; schedulers do not create it).</summary>
    public string LogDir => Path.Combine(PlanDir, "logs");
}
