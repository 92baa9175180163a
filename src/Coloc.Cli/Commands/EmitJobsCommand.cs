using System.CommandLine;
using Coloc.IO.Plan;

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
        var plan = new Option<string>("--plan") { Description = "Plan folder (made by 'coloc plan')", Required = true };
        var scheduler = new Option<string>("--scheduler") { Description = "slurm, lsf, sge or pbs", Required = true };
        scheduler.AcceptOnlyFromAmong([.. JobScripts.Schedulers]);
        var tasks = new Option<int?>("--tasks") { Description = "Array tasks T (default: the plan's suggestion; tasks of >= 10 min, arrays of <= 1000)" };
        var maxRunning = new Option<int?>("--max-running") { Description = "Tasks running at once, M (default min(T, 100))" };
        var partition = new Option<string?>("--partition") { Description = "Partition (SLURM) or queue (LSF, SGE, PBS)" };
        var time = new Option<string?>("--time") { Description = "Wall-time limit per task, in the scheduler's syntax (SLURM: 01:00:00)" };
        var output = new Option<string?>("--out") { Description = "Output folder of the merge (default PLAN_DIR/result)" };
        var db = new Option<string?>("--db") { Description = "Database the merge also writes" };
        var coloc = new Option<string?>("--coloc") { Description = "Command that runs coloc on the compute nodes (default: this executable)" };
        var cmd = new Command("emit-jobs", "Write scheduler job scripts for a plan (array of block tasks + dependent merge).")
        {
            plan, scheduler, tasks, maxRunning, partition, time, output, db, coloc,
        };
        cmd.SetAction(pr =>
        {
            string dir = Path.GetFullPath(pr.GetValue(plan)!);
            var (spec, hash) = PlanFile.Read(dir);
            int n = spec.Grid.Count;
            int t = pr.GetValue(tasks) ?? TaskSizing.Suggest(spec);
            if (t < 1 || t > n) throw new UsageException($"--tasks: must be in [1, {n}] (the block count), got {t}");
            int m = pr.GetValue(maxRunning) ?? Math.Min(t, 100);
            if (m < 1) throw new UsageException($"--max-running: must be >= 1, got {m}");
            var options = new JobScriptOptions
            {
                ColocCommand = pr.GetValue(coloc) ?? SelfCommand(),
                PlanDir = dir,
                PlanHash = hash,
                BlockCount = n,
                Tasks = t,
                MaxRunning = m,
                OutDir = Path.GetFullPath(pr.GetValue(output) ?? Path.Combine(dir, "result")),
                DbPath = pr.GetValue(db) is { } d ? Path.GetFullPath(d) : null,
                Partition = pr.GetValue(partition),
                Time = pr.GetValue(time),
            };
            string sched = pr.GetValue(scheduler)!;
            var paths = JobScripts.Write(dir, JobScripts.Create(sched, options));
            foreach (var p in paths) stdout.WriteLine("wrote " + p);
            stdout.WriteLine($"{sched}: {t} task(s) over {n} block(s), at most {m} at once; submit with {Path.Combine(dir, "jobs", "submit.sh")}");
            if (t > 1000) stdout.WriteLine("note: more than 1000 tasks; SLURM's default MaxArraySize is 1001 — consider fewer, longer tasks");
            return ExitCodes.Ok;
        });
        return cmd;
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
