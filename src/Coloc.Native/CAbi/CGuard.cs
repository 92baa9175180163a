using System.Text;
using Coloc.Core.Parameters;

namespace Coloc.Native.CAbi;

/// <summary>
/// Runs a C export's body and turns every exception into a <see cref="CStatus"/> plus a one-line message kept per
/// thread for <c>coloc_last_error</c>, so nothing ever unwinds into the caller (an escaping exception would kill the
/// host process, e.g. the Python interpreter). Messages are the CLI's: a <see cref="ParameterException"/> names the
/// parameter by its command-line flag.
/// </summary>
public static class CGuard
{
    [ThreadStatic]
    private static string? _lastError;

    /// <summary>The message of the last failed export on this thread (empty when none).</summary>
    public static string LastError => _lastError ?? "";

    /// <summary>Runs <paramref name="body"/>; returns <see cref="CStatus.Ok"/> or the failure's status.</summary>
    public static int Run(Action body)
    {
        try
        {
            _lastError = null;
            body();
            return (int)CStatus.Ok;
        }
        catch (Exception e)
        {
            try
            {
                var (status, message) = Translate(e);
                _lastError = message;
                return (int)status;
            }
            catch
            {
                return (int)CStatus.Internal;
            }
        }
    }

    /// <summary>
    /// The status and one-line message for an exception: the mapping and messages of <see cref="Jni.ExportGuard.Translate"/>
    /// (Java class → status), except that a <see cref="ParameterException"/> names the parameter by its flag as the CLI does.
    /// </summary>
    public static (CStatus Status, string Message) Translate(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e is AggregateException { InnerExceptions.Count: 1 } agg) e = agg.InnerExceptions[0];
        if (e is ParameterException p) return (CStatus.BadInput, p.MessageFor(d => d.Flag).ReplaceLineEndings(" ").Trim());
        var (javaClass, message) = Jni.ExportGuard.Translate(e);
        return (javaClass switch
        {
            "java/lang/IllegalArgumentException" => CStatus.BadInput,
            "java/util/concurrent/CancellationException" => CStatus.Cancelled,
            "java/lang/OutOfMemoryError" => CStatus.OutOfMemory,
            "java/lang/RuntimeException" => CStatus.IoError,
            _ => CStatus.Internal,
        }, message);
    }

    /// <summary>A zero-terminated UTF-8 string the caller releases with <c>coloc_free</c>.</summary>
    public static unsafe byte* Utf8(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int n = Encoding.UTF8.GetByteCount(text);
        var p = (byte*)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)n + 1);
        Encoding.UTF8.GetBytes(text, new Span<byte>(p, n));
        p[n] = 0;
        return p;
    }

    /// <summary>A zero-terminated UTF-8 argument as a string.</summary>
    /// <exception cref="ArgumentException">Null pointer.</exception>
    public static unsafe string Text(byte* p, string name) =>
        p == null ? throw new ArgumentException($"{name}: null") : System.Runtime.InteropServices.Marshal.PtrToStringUTF8((IntPtr)p) ?? "";
}
