namespace Coloc.Native.CAbi;

/// <summary>What a <c>coloc_*</c> export returns; on anything but <see cref="Ok"/>, <c>coloc_last_error</c> holds one line.</summary>
public enum CStatus
{
    /// <summary>Success.</summary>
    Ok = 0,

    /// <summary>Bad input: a parameter, an array or a file's content; the message is the CLI's (Python: <c>ValueError</c>).</summary>
    BadInput = 1,

    /// <summary>The caller's cancel flag was set (Python: <c>KeyboardInterrupt</c>).</summary>
    Cancelled = 2,

    /// <summary>Out of memory (Python: <c>MemoryError</c>).</summary>
    OutOfMemory = 3,

    /// <summary>A file could not be read or written (Python: <c>OSError</c>).</summary>
    IoError = 4,

    /// <summary>A bug: anything else, named by its type (Python: <c>RuntimeError</c>).</summary>
    Internal = 5,
}
