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
}
