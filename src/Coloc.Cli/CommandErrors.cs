using Coloc.Core.Parameters;
using Coloc.IO;

namespace Coloc.Cli;

/// <summary>Turns exceptions into one line on stderr and an exit code; a <see cref="ParameterException"/> names the parameter by its flag.</summary>
public static class CommandErrors
{
    /// <summary>Reports <paramref name="e"/> and returns the exit code.</summary>
    public static int Report(Exception e, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(stderr);
        switch (e)
        {
            case ParameterException pe:
                stderr.WriteLine("coloc: " + OneLine(pe.MessageFor(p => p.Flag)));
                return ExitCodes.BadInput;
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
