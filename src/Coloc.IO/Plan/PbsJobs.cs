namespace Coloc.IO.Plan;

/// <summary>
/// PBS Professional job scripts (from the PBS documentation; not run here): <c>array.pbs</c> (<c>-J 0-(T-1)</c>,
/// <c>max_run_subjobs=M</c>, task <c>$PBS_ARRAY_INDEX</c> = shard index; a single task is an ordinary job, since PBS
/// arrays need two or more subjobs), <c>merge.pbs</c>, <c>submit.sh</c> (the merge with
/// <c>-W depend=afterok:&lt;array&gt;</c>) and <c>resubmit-missing.sh</c> (one job running
/// <c>coloc run-block --blocks &lt;missing&gt;</c>, then a new merge).
/// </summary>
public static class PbsJobs
{
    /// <summary>The scripts.</summary>
    public static IReadOnlyList<JobScript> Create(JobScriptOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        string common = "#PBS -j oe\n" + (o.Partition is null ? "" : $"#PBS -q {o.Partition}\n") + (o.Time is null ? "" : $"#PBS -l walltime={o.Time}\n");
        string run = $"{o.ColocCommand} run-block --plan {Shell.Quote(o.PlanDir)}";
        string array =
            "#!/bin/bash\n" +
            $"#PBS -N {o.JobName}\n" +
            (o.Tasks > 1 ? $"#PBS -J 0-{o.Tasks - 1}\n#PBS -W max_run_subjobs={o.MaxRunning}\n" : "") +
            $"#PBS -o {Shell.Quote(o.LogDir + "/")}\n" + common +
            (o.Tasks > 1 ? $"exec {run} --tasks {o.Tasks} --index-base 0\n" : $"exec {run} --shard 0/1\n");
        string merge =
            "#!/bin/bash\n" +
            $"#PBS -N {o.JobName}-merge\n" +
            $"#PBS -o {Shell.Quote(o.LogDir + "/")}\n" + common +
            $"exec {o.MergeCommand}\n";
        string blocks =
            "#!/bin/bash\n" +
            $"#PBS -N {o.JobName}\n" +
            $"#PBS -o {Shell.Quote(o.LogDir + "/")}\n" + common +
            $"exec {run} --blocks \"$COLOC_BLOCKS\"\n";
        string submit =
            "#!/bin/bash\n" +
            "set -euo pipefail\n" +
            "here=\"$(cd \"$(dirname \"$0\")\" && pwd)\"\n" +
            "array=$(qsub \"$@\" \"$here/array.pbs\")\n" +
            "qsub -W depend=afterok:$array \"$here/merge.pbs\"\n";
        string resubmit =
            Shell.ResubmitHead($"{o.ColocCommand} status --plan {Shell.Quote(o.PlanDir)} --list", "exec qsub \"$here/merge.pbs\"") +
            "job=$(qsub -v COLOC_BLOCKS=\"$missing\" \"$@\" \"$here/blocks.pbs\")\n" +
            "qsub -W depend=afterok:$job \"$here/merge.pbs\"\n";
        return
        [
            new JobScript("array.pbs", array, false),
            new JobScript("merge.pbs", merge, false),
            new JobScript("blocks.pbs", blocks, false),
            new JobScript("submit.sh", submit, true),
            new JobScript("resubmit-missing.sh", resubmit, true),
        ];
    }
}
