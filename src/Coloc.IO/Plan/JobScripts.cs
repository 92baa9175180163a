using Coloc.IO.Files;

namespace Coloc.IO.Plan;

/// <summary>Writes the job scripts of one scheduler into <c>PLAN_DIR/jobs</c> (and creates <c>PLAN_DIR/logs</c>).</summary>
public static class JobScripts
{
    /// <summary>The supported schedulers.</summary>
    public static IReadOnlyList<string> Schedulers { get; } = ["slurm", "lsf", "sge", "pbs"];

    /// <summary>The scripts for <paramref name="scheduler"/> (<c>slurm</c>, <c>lsf</c>, <c>sge</c> or <c>pbs</c>).</summary>
    /// <exception cref="ArgumentException">Unknown scheduler or inconsistent task counts.</exception>
    public static IReadOnlyList<JobScript> Create(string scheduler, JobScriptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Tasks < 1 || options.Tasks > options.BlockCount)
            throw new ArgumentException($"tasks must be in [1, {options.BlockCount}] (the block count), got {options.Tasks}");
        if (options.MaxRunning < 1) throw new ArgumentException($"max running must be >= 1, got {options.MaxRunning}");
        return scheduler switch
        {
            "slurm" => SlurmJobs.Create(options),
            "lsf" => LsfJobs.Create(options),
            "sge" => SgeJobs.Create(options),
            "pbs" => PbsJobs.Create(options),
            _ => throw new ArgumentException($"unknown scheduler '{scheduler}' (use slurm, lsf, sge or pbs)"),
        };
    }

    /// <summary>Writes <paramref name="scripts"/> into <c>PLAN_DIR/jobs</c>, each atomically; returns their paths.</summary>
    public static string[] Write(string planDir, IReadOnlyList<JobScript> scripts)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        string dir = Path.Combine(planDir, "jobs");
        try
        {
            Directory.CreateDirectory(dir);
            Directory.CreateDirectory(Path.Combine(planDir, "logs"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ColocFormatException($"{dir}: cannot create: {e.Message}", e);
        }
        var paths = new List<string>();
        foreach (var s in scripts)
        {
            string path = Path.Combine(dir, s.FileName);
            AtomicFile.WriteText(path, w => w.Write(s.Text));
            if (s.Executable && !OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                    UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            paths.Add(path);
        }
        return paths.ToArray();
    }
}
