namespace Coloc.Oracle.Tests.Magmap;

/// <summary>Runs <c>coloc</c> in-process and captures its output.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Coloc.Cli.Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }
}
