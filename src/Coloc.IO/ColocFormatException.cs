namespace Coloc.IO;

/// <summary>
/// A file that cannot be read or written as asked. The message is one line that names the file (and line) and the
/// problem, ready to show to a user.
/// </summary>
public sealed class ColocFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ColocFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public ColocFormatException(string message, Exception inner) : base(message, inner) { }
}
