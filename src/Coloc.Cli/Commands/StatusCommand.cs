using System.CommandLine;
using Coloc.IO.Plan;

namespace Coloc.Cli.Commands;

/// <summary>
/// <c>coloc status --plan DIR [--tasks T] [--index-base 0|1] [--list]</c>: which block results of a plan are present.
/// Exit 0 when all are, 3 (printing the missing blocks, and with <c>--tasks</c> the array tasks holding them, as range
/// lists ready for <c>sbatch --array=</c>) when not.
/// </summary>
public static class StatusCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var plan = new Option<string>("--plan") { Description = "Plan folder (made by 'coloc plan')", Required = true };
        var tasks = new Option<int?>("--tasks") { Description = "Array task count T the blocks were sharded into: also list the tasks to resubmit" };
        var indexBase = new Option<int>("--index-base") { Description = "First task number when listing tasks: 0 (SLURM, PBS) or 1 (LSF, SGE)", DefaultValueFactory = _ => 0 };
        indexBase.AcceptOnlyFromAmong("0", "1");
        var list = new Option<bool>("--list") { Description = "Print only the range list of missing tasks (with --tasks) or blocks" };
        var cmd = new Command("status", "Show which block results of a plan are present; exit 3 listing the missing ones.") { plan, tasks, indexBase, list };
        cmd.SetAction(pr =>
        {
            string dir = Path.GetFullPath(pr.GetValue(plan)!);
            var (spec, hash) = PlanFile.Read(dir);
            int n = spec.Grid.Count;
            int? t = pr.GetValue(tasks);
            if (t is { } tv && (tv < 1 || tv > n)) throw new UsageException($"--tasks: must be in [1, {n}] (the block count), got {tv}");
            var scan = ResultScan.Of(dir, hash, n);
            if (pr.GetValue(list))
            {
                foreach (var p in scan.Problems) stderr.WriteLine("coloc: " + p);
                if (!scan.Complete) stdout.WriteLine(t is { } tl ? scan.MissingTaskRanges(tl, pr.GetValue(indexBase)) : scan.MissingRanges);
            }
            else
            {
                MissingReport.Write(scan, dir, hash, t, pr.GetValue(indexBase), stdout, stderr);
            }
            return scan.Complete ? ExitCodes.Ok : ExitCodes.Incomplete;
        });
        return cmd;
    }
}
