namespace Coloc.Core.Limits;

/// <summary>A run would exceed a <see cref="ResourceLimits"/> limit; the message names the input, the need and the limit's flag.</summary>
public sealed class ResourceLimitException : ArgumentException
{
    /// <summary>Creates the exception with its one-line message.</summary>
    public ResourceLimitException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public ResourceLimitException() { }

    /// <summary>Creates the exception wrapping <paramref name="inner"/>.</summary>
    public ResourceLimitException(string message, Exception inner) : base(message, inner) { }
}
