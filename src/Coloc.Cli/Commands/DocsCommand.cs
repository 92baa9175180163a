using System.CommandLine;
using Coloc.Cli.Parameters;

namespace Coloc.Cli.Commands;

/// <summary>
/// <c>coloc docs</c>: prints the option tables of every command (command line and Fiji) as Markdown, generated from the
/// parameter declarations; the README holds exactly this between <c>&lt;!-- options:begin --&gt;</c> and
/// <c>&lt;!-- options:end --&gt;</c>.
/// </summary>
public static class DocsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout)
    {
        var cmd = new Command("docs", "Print the option tables of every command (command line and Fiji) as Markdown.");
        cmd.SetAction(_ =>
        {
            stdout.Write(OptionTables.Markdown());
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
