using System.CommandLine;
using Coloc.IO.Plan;
using Coloc.Cli.Parameters;
using Coloc.Core.Parameters;

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
        var parameters = CliCommands.Options(CliCommands.Status);
        var cmd = new Command(CliCommands.Status.Name, CliCommands.Status.Description);
        parameters.AddTo(cmd);
        cmd.SetAction(pr =>
        {
            var values = parameters.Values(pr);
            string dir = Path.GetFullPath(values.Get(ClusterParameters.Plan)!);
            int? t = values.Get(ClusterParameters.Tasks) is { } ts ? ParameterText.Integer(ClusterParameters.Tasks, ts) : null;
            int indexBase = int.Parse(values.Choice(ClusterParameters.IndexBase), System.Globalization.CultureInfo.InvariantCulture);
            bool list = values.Get(ClusterParameters.List) is not null;
            var (spec, hash) = PlanFile.Read(dir);
            int n = spec.Grid.Count;
            if (t is { } tv && (tv < 1 || tv > n)) throw new UsageException($"--tasks: must be in [1, {n}] (the block count), got {tv}");
            var scan = ResultScan.Of(dir, hash, n);
            if (list)
            {
                foreach (var p in scan.Problems) stderr.WriteLine("coloc: " + p);
                if (!scan.Complete) stdout.WriteLine(t is { } tl ? scan.MissingTaskRanges(tl, indexBase) : scan.MissingRanges);
            }
            else
            {
                MissingReport.Write(scan, dir, hash, t, indexBase, stdout, stderr);
            }
            return scan.Complete ? ExitCodes.Ok : ExitCodes.Incomplete;
        });
        return cmd;
    }
}
