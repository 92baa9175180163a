namespace Coloc.Cli;

/// <summary>A bad command-line value; the message names the flag and the problem.</summary>
public sealed class UsageException(string message) : Exception(message);
