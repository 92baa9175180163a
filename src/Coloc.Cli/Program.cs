using System.CommandLine;
using Coloc.Cli.Commands;

namespace Coloc.Cli;

/// <summary>The <c>coloc</c> command line.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given writers (tests call this in-process).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("coloc: colocalize blobs across fluorescence channels in 3D microscopy stacks.")
        {
            MatchCommand.Create(stdout),
            IntensityCommand.Create(stdout, stderr),
            DbCommand.Create(stdout),
            BlobsCommand.Create(stdout),
            DetectCommand.Create(stdout),
            StatusCommand.Create(stdout, stderr),
            MergeCommand.Create(stdout, stderr),
            EmitJobsCommand.Create(stdout),
            RunCommand.Create(stdout, stderr, progress: ReferenceEquals(stderr, Console.Error) && ProgressBar.StderrIsTerminal),
            PlanCommand.Create(stdout),
            RunBlockCommand.Create(stdout, Environment.GetEnvironmentVariable),
            DocsCommand.Create(stdout),
            RegionsCommand.Create(stdout),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            stderr.WriteLine("coloc: " + string.Join(" ", parsed.Errors[0].Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            return ExitCodes.BadInput;
        }
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return parsed.Invoke(config);
        }
        catch (Exception e)
        {
            return CommandErrors.Report(e, stderr);
        }
    }
}
