using Coloc.IO;

namespace Coloc.Cli;

/// <summary>Turns exceptions into one line on stderr and an exit code.</summary>
public static class CommandErrors
{
    /// <summary>Reports <paramref name="e"/> and returns the exit code.</summary>
    public static int Report(Exception e, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(stderr);
        switch (e)
        {
            case UsageException or ColocFormatException or ArgumentException or NotSupportedException:
                stderr.WriteLine("coloc: " + OneLine(e.Message));
                return ExitCodes.BadInput;
            case OperationCanceledException:
                stderr.WriteLine("coloc: cancelled");
                return ExitCodes.InternalError;
            default:
                stderr.WriteLine($"coloc: internal error: {e.GetType().Name}: {OneLine(e.Message)}");
                return ExitCodes.InternalError;
        }
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");
}
