namespace Coloc.IO.Plan;

/// <summary>
/// SLURM job scripts: <c>array.sbatch</c> (<c>--array=0-(T-1)%M</c>, task t = shard t of T from
/// <c>$SLURM_ARRAY_TASK_ID</c>, <c>--requeue</c> for node failures), <c>merge.sbatch</c>, <c>submit.sh</c> (the array,
/// then the merge with <c>--dependency=afterok:&lt;array&gt; --kill-on-invalid-dep=yes</c>, so a failed task cancels the
/// merge instead of leaving it pending forever) and <c>resubmit-missing.sh</c> (SLURM's <c>--requeue</c> does not
/// rerun a task that failed, so: <c>coloc status</c> → <c>sbatch --array=&lt;missing tasks&gt;</c> → a new merge).
/// </summary>
public static class SlurmJobs
{
    /// <summary>The scripts.</summary>
    public static IReadOnlyList<JobScript> Create(JobScriptOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        string common = (o.Partition is null ? "" : $"#SBATCH --partition={o.Partition}\n") + (o.Time is null ? "" : $"#SBATCH --time={o.Time}\n");
        string array =
            "#!/bin/bash\n" +
            $"#SBATCH --job-name={o.JobName}\n" +
            $"#SBATCH --array=0-{o.Tasks - 1}%{o.MaxRunning}\n" +
            $"#SBATCH --output={Shell.Quote(Path.Combine(o.LogDir, "array-%A_%a.out"))}\n" +
            "#SBATCH --requeue\n" + common +
            $"# Task t runs shard t of {o.Tasks} ({o.BlockCount} blocks); finished blocks are skipped, so reruns are safe.\n" +
            $"exec {o.ColocCommand} run-block --plan {Shell.Quote(o.PlanDir)} --tasks {o.Tasks} --index-base 0\n";
        string merge =
            "#!/bin/bash\n" +
            $"#SBATCH --job-name={o.JobName}-merge\n" +
            $"#SBATCH --output={Shell.Quote(Path.Combine(o.LogDir, "merge-%j.out"))}\n" + common +
            "# Exits 3 and lists the missing blocks if any block result is absent.\n" +
            $"exec {o.MergeCommand}\n";
        string submit =
            "#!/bin/bash\n" +
            "# Submits the block array and the merge that runs once every task succeeded.\n" +
            "# Extra arguments go to sbatch for the array (e.g. --account=lab).\n" +
            "set -euo pipefail\n" +
            "here=\"$(cd \"$(dirname \"$0\")\" && pwd)\"\n" +
            "array=$(sbatch --parsable \"$@\" \"$here/array.sbatch\")\n" +
            "array=${array%%;*}\n" +
            "merge=$(sbatch --parsable --dependency=afterok:$array --kill-on-invalid-dep=yes \"$here/merge.sbatch\")\n" +
            "echo \"ARRAY_JOB=$array\"\necho \"MERGE_JOB=${merge%%;*}\"\n";
        string resubmit =
            Shell.ResubmitHead(o.StatusCommand(0),
                "  merge=$(sbatch --parsable \"$here/merge.sbatch\") || exit 1\n" +
                "  echo \"ARRAY_JOB=none\"; echo \"MERGE_JOB=${merge%%;*}\"; exit 0\n",
                "# Resubmits only the array tasks whose blocks are missing (SLURM's --requeue covers node failures, not a task\n" +
                "# that exits non-zero), then a new merge. Run it after a merge that exited 3 or was cancelled.\n") +
            $"array=$(sbatch --parsable --array=\"$missing%{o.MaxRunning}\" \"$@\" \"$here/array.sbatch\")\n" +
            "array=${array%%;*}\n" +
            "merge=$(sbatch --parsable --dependency=afterok:$array --kill-on-invalid-dep=yes \"$here/merge.sbatch\")\n" +
            "echo \"RESUBMITTED=$missing\"\necho \"ARRAY_JOB=$array\"\necho \"MERGE_JOB=${merge%%;*}\"\n";
        return
        [
            new JobScript("array.sbatch", array, false),
            new JobScript("merge.sbatch", merge, false),
            new JobScript("submit.sh", submit, true),
            new JobScript("resubmit-missing.sh", resubmit, true),
        ];
    }
}
