using Coloc.Core.Parameters;
using Coloc.IO;

namespace Coloc.Native.Jni;

/// <summary>
/// Runs an export's body and turns every .NET exception into a pending Java exception, so nothing ever crosses the
/// JNI boundary (an escaping exception would abort the JVM). Mapping: bad input (<see cref="ArgumentException"/>,
/// <see cref="ColocFormatException"/>, <see cref="FormatException"/>; a <see cref="ParameterException"/> names the parameter by its macro key, <see cref="NotSupportedException"/>) →
/// <c>IllegalArgumentException</c>; cancellation → <c>java.util.concurrent.CancellationException</c>; out of memory →
/// <c>OutOfMemoryError</c>; I/O → <c>RuntimeException</c>; anything else → <c>IllegalStateException</c> naming the type.
/// </summary>
public static class ExportGuard
{
    /// <summary>Runs <paramref name="body"/>; on failure throws the Java exception and returns <paramref name="failed"/>.</summary>
    public static T Run<T>(IntPtr env, Func<JniEnv, T> body, T failed)
    {
        var jni = new JniEnv(env);
        try
        {
            return body(jni);
        }
        catch (Exception e)
        {
            try
            {
                var (cls, msg) = Translate(e);
                jni.Throw(cls, msg);
            }
            catch
            {
                // Nothing may escape an export; if even ThrowNew fails the JVM already has an error pending.
            }
            return failed;
        }
    }

    /// <summary>The Java exception class and one-line message for a .NET exception.</summary>
    public static (string JavaClass, string Message) Translate(Exception e)
    {
        if (e is AggregateException { InnerExceptions.Count: 1 } agg) e = agg.InnerExceptions[0];
        string msg = OneLine(e.Message);
        return e switch
        {
            JavaException j => (j.JavaClass, msg),
            ParameterException p => ("java/lang/IllegalArgumentException", OneLine(p.MessageFor(d => d.Key))),
            OperationCanceledException => ("java/util/concurrent/CancellationException", "cancelled"),
            ArgumentException or ColocFormatException or FormatException or NotSupportedException or OverflowException =>
                ("java/lang/IllegalArgumentException", msg),
            OutOfMemoryException or InsufficientExecutionStackException => ("java/lang/OutOfMemoryError", "coloc: " + msg),
            IOException or UnauthorizedAccessException => ("java/lang/RuntimeException", "I/O error: " + msg),
            _ => ("java/lang/IllegalStateException", $"coloc internal error ({e.GetType().Name}): {msg}"),
        };
    }

    private static string OneLine(string message)
    {
        int p = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (p >= 0) message = message[..p];
        return message.ReplaceLineEndings(" ").Trim();
    }
}
