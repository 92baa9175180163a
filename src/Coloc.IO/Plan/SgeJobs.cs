namespace Coloc.IO.Plan;

/// <summary>
/// Grid Engine job scripts (from the SGE documentation; not run here): <c>array.sge</c> (<c>-t 1-T -tc M</c>, task
/// <c>$SGE_TASK_ID</c> = shard index + 1), <c>merge.sge</c> (<c>-hold_jid</c> on the array's name; SGE releases it when
/// the array ends whatever the exit codes, and the merge then exits 3 naming missing blocks), <c>submit.sh</c> and
/// <c>resubmit-missing.sh</c> (SGE's <c>-t</c> takes one range only, so the missing blocks go to one job running
/// <c>coloc run-block --blocks &lt;list&gt;</c>, then a new merge).
/// </summary>
public static class SgeJobs
{
    /// <summary>The scripts.</summary>
    public static IReadOnlyList<JobScript> Create(JobScriptOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        string common = "#$ -S /bin/bash\n#$ -j y\n" + (o.Partition is null ? "" : $"#$ -q {o.Partition}\n") + (o.Time is null ? "" : $"#$ -l h_rt={o.Time}\n");
        string array =
            "#!/bin/bash\n" +
            $"#$ -N {o.JobName}\n" +
            $"#$ -t 1-{o.Tasks}\n#$ -tc {o.MaxRunning}\n" +
            $"#$ -o {Shell.Quote(o.LogDir + "/")}\n" + common +
            $"exec {o.ColocCommand} run-block --plan {Shell.Quote(o.PlanDir)} --tasks {o.Tasks} --index-base 1\n";
        string merge =
            "#!/bin/bash\n" +
            $"#$ -N {o.JobName}-merge\n#$ -hold_jid {o.JobName}\n" +
            $"#$ -o {Shell.Quote(o.LogDir + "/")}\n" + common +
            $"exec {o.MergeCommand}\n";
        string blocks =
            "#!/bin/bash\n" +
            $"#$ -N {o.JobName}\n" +
            $"#$ -o {Shell.Quote(o.LogDir + "/")}\n" + common +
            $"exec {o.ColocCommand} run-block --plan {Shell.Quote(o.PlanDir)} --blocks \"$COLOC_BLOCKS\"\n";
        string submit =
            "#!/bin/bash\n" +
            "set -euo pipefail\n" +
            "here=\"$(cd \"$(dirname \"$0\")\" && pwd)\"\n" +
            "qsub \"$@\" \"$here/array.sge\"\n" +
            "qsub \"$here/merge.sge\"\n";
        string resubmit =
            Shell.ResubmitHead($"{o.ColocCommand} status --plan {Shell.Quote(o.PlanDir)} --list", "exec qsub \"$here/merge.sge\"") +
            "qsub -v COLOC_BLOCKS=\"$missing\" \"$@\" \"$here/blocks.sge\"\n" +
            "qsub \"$here/merge.sge\"\n";
        return
        [
            new JobScript("array.sge", array, false),
            new JobScript("merge.sge", merge, false),
            new JobScript("blocks.sge", blocks, false),
            new JobScript("submit.sh", submit, true),
            new JobScript("resubmit-missing.sh", resubmit, true),
        ];
    }
}
