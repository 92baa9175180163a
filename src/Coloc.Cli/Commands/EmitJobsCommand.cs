using System.CommandLine;
using Coloc.IO.Plan;
using Coloc.Cli.Parameters;
using Coloc.Core.Parameters;

namespace Coloc.Cli.Commands;

/// <summary>
/// <c>coloc emit-jobs --plan DIR --scheduler slurm|lsf|sge|pbs [--tasks T] [--max-running M] [--partition P]
/// [--time LIMIT] [--out DIR] [--db FILE] [--coloc CMD]</c>: writes the array job, the dependent merge, a submit
/// script and a resubmit-missing script into <c>PLAN_DIR/jobs</c>.
/// </summary>
public static class EmitJobsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout)
    {
        var parameters = CliCommands.Options(CliCommands.EmitJobs);
        var cmd = new Command(CliCommands.EmitJobs.Name, CliCommands.EmitJobs.Description);
        parameters.AddTo(cmd);
        cmd.SetAction(pr =>
        {
            var values = parameters.Values(pr);
            string dir = Path.GetFullPath(values.Get(ClusterParameters.Plan)!);
            string sched = values.Choice(ClusterParameters.Scheduler);
            int? tasks = values.Get(ClusterParameters.Tasks) is { } ts ? ParameterText.Integer(ClusterParameters.Tasks, ts) : null;
            int? maxRunning = values.Get(ClusterParameters.MaxRunning) is { } mr ? ParameterText.Integer(ClusterParameters.MaxRunning, mr) : null;
            var (spec, hash) = PlanFile.Read(dir);
            int n = spec.Grid.Count;
            int t = tasks ?? TaskSizing.Suggest(spec);
            if (t < 1 || t > n) throw new ParameterException(ClusterParameters.Tasks, $"must be in [1, {n}] (the block count), got {t}");
            int m = maxRunning ?? Math.Min(t, 100);
            var options = new JobScriptOptions
            {
                ColocCommand = values.Get(ClusterParameters.ColocCommand) is { } cc ? Words(cc) : SelfCommand(),
                PlanDir = dir,
                PlanHash = hash,
                BlockCount = n,
                Tasks = t,
                MaxRunning = m,
                OutDir = Path.GetFullPath(values.Get(SharedParameters.OutFolder) ?? Path.Combine(dir, "result")),
                DbPath = values.Get(SharedParameters.Database) is { } d ? Path.GetFullPath(d) : null,
                Partition = SchedulerValue(values, ClusterParameters.Partition),
                Time = SchedulerValue(values, ClusterParameters.Time),
            };
            var paths = JobScripts.Write(dir, JobScripts.Create(sched, options));
            foreach (var p in paths) stdout.WriteLine("wrote " + p);
            stdout.WriteLine($"{sched}: {t} task(s) over {n} block(s), at most {m} at once; submit with {Path.Combine(dir, "jobs", "submit.sh")}");
            if (t > 1000) stdout.WriteLine("note: more than 1000 tasks; SLURM's default MaxArraySize is 1001 — consider fewer, longer tasks");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>
    /// A value written into a scheduler directive (<c>#SBATCH --time=…</c>): refused unless it holds only letters,
    /// digits and <c>_.:,+=@/-</c>, so no newline, space or quote can add or break a line of the script.
    /// </summary>
    private static string? SchedulerValue(IParameterValues values, ParameterSpec p)
    {
        if (values.Get(p) is not { } v) return null;
        if (v.Length == 0 || !v.All(c => char.IsAsciiLetterOrDigit(c) || "_.:,+=@/-".Contains(c)))
            throw new ParameterException(p, $"'{v.ReplaceLineEndings(" ")}' may hold only letters, digits and _.:,+=@/-");
        return v;
    }

    /// <summary>The words of <paramref name="command"/> (separated by spaces or tabs), each quoted for the shell; control characters refused.</summary>
    private static string Words(string command)
    {
        if (command.Any(c => c != '\t' && char.IsControl(c)))
            throw new ParameterException(ClusterParameters.ColocCommand, "may not hold a newline or other control character");
        var words = command.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) throw new ParameterException(ClusterParameters.ColocCommand, "is empty");
        return string.Join(" ", words.Select(Shell.Quote));
    }

    /// <summary>The shell command that runs this coloc: the executable itself, or <c>dotnet coloc.dll</c> when run through the dotnet host.</summary>
    public static string SelfCommand()
    {
        string exe = Environment.ProcessPath ?? "coloc";
        string name = Path.GetFileNameWithoutExtension(exe);
        if (name.Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            return Shell.Quote(exe) + " " + Shell.Quote(Path.Combine(AppContext.BaseDirectory, "coloc.dll"));
        return Shell.Quote(exe);
    }
}
