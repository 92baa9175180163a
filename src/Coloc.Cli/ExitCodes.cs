namespace Coloc.Cli;

/// <summary>Process exit codes of <c>coloc</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>An unexpected internal error (a bug; the message says what failed).</summary>
    public const int InternalError = 1;

    /// <summary>Bad input: a missing or malformed file, or a bad flag value. Nothing was written.</summary>
    public const int BadInput = 2;

    /// <summary>Block results are missing (<c>coloc merge</c>, <c>coloc status</c>).</summary>
    public const int Incomplete = 3;
}
