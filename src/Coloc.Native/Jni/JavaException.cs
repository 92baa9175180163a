namespace Coloc.Native.Jni;

/// <summary>A failure that an export turns into a Java exception of class <see cref="JavaClass"/>.</summary>
public sealed class JavaException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="javaClass">JNI class name, e.g. <c>java/lang/IllegalArgumentException</c>.</param>
    /// <param name="message">One line naming the input and the problem.</param>
    public JavaException(string javaClass, string message) : base(message) => JavaClass = javaClass;

    /// <summary>JNI name of the Java exception class to throw.</summary>
    public string JavaClass { get; }

    /// <summary>An <c>IllegalArgumentException</c> with <paramref name="message"/>.</summary>
    public static JavaException Argument(string message) => new("java/lang/IllegalArgumentException", message);
}
