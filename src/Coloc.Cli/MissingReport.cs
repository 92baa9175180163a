using Coloc.IO.Plan;

namespace Coloc.Cli;

/// <summary>The lines <c>coloc status</c> and an incomplete <c>coloc merge</c> print.</summary>
public static class MissingReport
{
    /// <summary>Writes the report of <paramref name="scan"/>; problems go to <paramref name="stderr"/>.</summary>
    public static void Write(ResultScan scan, string planDir, string hash, int? tasks, int indexBase, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        foreach (var p in scan.Problems) stderr.WriteLine("coloc: " + p);
        stdout.WriteLine($"plan {hash[..12]}: {scan.BlockCount} blocks, {scan.BlockCount - scan.Missing.Length} done, {scan.Missing.Length} missing");
        if (scan.Complete) return;
        stdout.WriteLine("missing blocks: " + scan.MissingRanges);
        if (tasks is { } t)
        {
            string list = scan.MissingTaskRanges(t, indexBase);
            stdout.WriteLine($"missing tasks (of {t}, numbered from {indexBase}): {list}");
            stdout.WriteLine($"resubmit: sbatch --array={list} {Path.Combine(planDir, "jobs", "array.sbatch")}   (or run {Path.Combine(planDir, "jobs", "resubmit-missing.sh")})");
        }
        else
        {
            stdout.WriteLine($"resubmit: coloc run-block --plan {planDir} --blocks {scan.MissingRanges}   (or run {Path.Combine(planDir, "jobs", "resubmit-missing.sh")})");
        }
    }
}
