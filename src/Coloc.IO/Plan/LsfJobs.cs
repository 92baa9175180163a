namespace Coloc.IO.Plan;

/// <summary>
/// LSF job scripts (from the LSF documentation; not run here): <c>array.lsf</c> (<c>-J "name[1-T]%M"</c>, task
/// <c>$LSB_JOBINDEX</c> = shard index + 1), <c>merge.lsf</c>, <c>submit.sh</c> (<c>bsub &lt; array.lsf</c>, then the
/// merge with <c>-w "done(name)"</c> and <c>-ti</c> so it is removed when a task fails) and
/// <c>resubmit-missing.sh</c> (<c>bsub -J "name[&lt;missing&gt;]%M"</c>, then a new merge).
/// </summary>
public static class LsfJobs
{
    /// <summary>The scripts.</summary>
    public static IReadOnlyList<JobScript> Create(JobScriptOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        string common = (o.Partition is null ? "" : $"#BSUB -q {o.Partition}\n") + (o.Time is null ? "" : $"#BSUB -W {o.Time}\n");
        string array =
            "#!/bin/bash\n" +
            $"#BSUB -J \"{o.JobName}[1-{o.Tasks}]%{o.MaxRunning}\"\n" +
            $"#BSUB -o {Shell.Quote(Path.Combine(o.LogDir, "array-%J_%I.out"))}\n" + common +
            $"# Task i (1-based) runs shard i-1 of {o.Tasks} ({o.BlockCount} blocks); finished blocks are skipped.\n" +
            $"exec {o.ColocCommand} run-block --plan {Shell.Quote(o.PlanDir)} --tasks {o.Tasks} --index-base 1\n";
        string merge =
            "#!/bin/bash\n" +
            $"#BSUB -J {o.JobName}-merge\n" +
            $"#BSUB -o {Shell.Quote(Path.Combine(o.LogDir, "merge-%J.out"))}\n" + common +
            $"exec {o.MergeCommand}\n";
        string submit =
            "#!/bin/bash\n" +
            "set -euo pipefail\n" +
            "here=\"$(cd \"$(dirname \"$0\")\" && pwd)\"\n" +
            "bsub \"$@\" < \"$here/array.lsf\"\n" +
            $"bsub -w \"done({o.JobName})\" -ti < \"$here/merge.lsf\"\n";
        string resubmit =
            Shell.ResubmitHead(o.StatusCommand(1), "exec bsub < \"$here/merge.lsf\"",
                "# Resubmits only the tasks whose blocks are missing, then a new merge.\n") +
            $"bsub -J \"{o.JobName}[$missing]%{o.MaxRunning}\" \"$@\" < \"$here/array.lsf\"\n" +
            $"bsub -w \"done({o.JobName})\" -ti < \"$here/merge.lsf\"\n";
        return
        [
            new JobScript("array.lsf", array, false),
            new JobScript("merge.lsf", merge, false),
            new JobScript("submit.sh", submit, true),
            new JobScript("resubmit-missing.sh", resubmit, true),
        ];
    }
}
