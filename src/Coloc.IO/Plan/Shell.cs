namespace Coloc.IO.Plan;

/// <summary>POSIX shell quoting for emitted scripts.</summary>
public static class Shell
{
    /// <summary>
    /// <paramref name="s"/> as one shell word: unchanged when it holds only <c>[A-Za-z0-9_./:=@%+,-]</c>, else in
    /// single quotes with each <c>'</c> written as <c>'\''</c>.
    /// </summary>
    public static string Quote(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || "_./:=@%+,-".Contains(c))) return s;
        return "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>
    /// The head every <c>resubmit-missing.sh</c> shares: <c>$missing</c> = the output of <paramref name="statusCommand"/>;
    /// when nothing is missing (exit 0) run <paramref name="whenComplete"/> (one or more lines) and stop; any exit code but 3
    /// is an error; from then on <c>set -e</c>. <paramref name="comment"/> lines (each starting with <c>#</c>) follow the
    /// shebang.
    /// </summary>
    public static string ResubmitHead(string statusCommand, string whenComplete, string comment = "")
    {
        ArgumentNullException.ThrowIfNull(statusCommand);
        ArgumentNullException.ThrowIfNull(whenComplete);
        string done = whenComplete.Contains('\n', StringComparison.Ordinal)
            ? "if [ $rc -eq 0 ]; then\n" + whenComplete + "fi\n"
            : "if [ $rc -eq 0 ]; then " + whenComplete + "; fi\n";
        return "#!/bin/bash\n" + comment +
            "set -uo pipefail\n" +
            "here=\"$(cd \"$(dirname \"$0\")\" && pwd)\"\n" +
            $"missing=$({statusCommand})\n" +
            "rc=$?\n" +
            done +
            "if [ $rc -ne 3 ]; then echo \"coloc status failed with exit code $rc\" >&2; exit $rc; fi\n" +
            "set -e\n";
    }
}
