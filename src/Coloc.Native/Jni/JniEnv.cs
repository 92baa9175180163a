using System.Runtime.InteropServices;
using System.Text;

namespace Coloc.Native.Jni;

/// <summary>
/// The calling thread's <c>JNIEnv*</c>: calls through the JNI function table by index (indices from <c>jni.h</c>,
/// identical in JDK 8 to 25). Valid only on the Java thread that called the export and only during that call; never
/// hand it to worker threads.
/// </summary>
public readonly unsafe struct JniEnv
{
    private readonly IntPtr _env;

    /// <summary>Wraps the <c>JNIEnv*</c> received by an export.</summary>
    public JniEnv(IntPtr env) => _env = env;

    private IntPtr Fn(int index) => (*(IntPtr**)_env)[index];

    /// <summary>FindClass (slot 6): a class by JNI name, or 0 with a pending NoClassDefFoundError.</summary>
    public IntPtr FindClass(string name)
    {
        var utf = Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* p = utf)
            return ((delegate* unmanaged<IntPtr, byte*, IntPtr>)Fn(6))(_env, p);
    }

    /// <summary>True when a Java exception is pending on this thread (ExceptionCheck, slot 228).</summary>
    public bool ExceptionPending => ((delegate* unmanaged<IntPtr, byte>)Fn(228))(_env) != 0;

    /// <summary>Throws a new Java exception of class <paramref name="javaClass"/> unless one is already pending (ThrowNew, slot 14).</summary>
    public void Throw(string javaClass, string message)
    {
        if (ExceptionPending) return;
        var cls = FindClass(javaClass);
        if (cls == IntPtr.Zero) return; // NoClassDefFoundError is pending instead
        var utf = Encoding.UTF8.GetBytes(message.Replace('\0', ' ') + "\0");
        fixed (byte* p = utf)
            ((delegate* unmanaged<IntPtr, IntPtr, byte*, int>)Fn(14))(_env, cls, p);
        DeleteLocalRef(cls);
    }

    /// <summary>DeleteLocalRef (slot 23).</summary>
    public void DeleteLocalRef(IntPtr obj)
    {
        if (obj != IntPtr.Zero) ((delegate* unmanaged<IntPtr, IntPtr, void>)Fn(23))(_env, obj);
    }

    /// <summary>IsInstanceOf (slot 32).</summary>
    public bool IsInstanceOf(IntPtr obj, IntPtr cls) =>
        ((delegate* unmanaged<IntPtr, IntPtr, IntPtr, byte>)Fn(32))(_env, obj, cls) != 0;

    /// <summary>A Java string as a .NET string (UTF-16, no loss), or null for a null reference.</summary>
    public string? GetString(IntPtr jstring)
    {
        if (jstring == IntPtr.Zero) return null;
        int n = ((delegate* unmanaged<IntPtr, IntPtr, int>)Fn(164))(_env, jstring);
        var chars = ((delegate* unmanaged<IntPtr, IntPtr, byte*, char*>)Fn(165))(_env, jstring, null);
        if (chars == null) throw new JavaException("java/lang/OutOfMemoryError", "cannot read a Java string");
        try { return new string(chars, 0, n); }
        finally { ((delegate* unmanaged<IntPtr, IntPtr, char*, void>)Fn(166))(_env, jstring, chars); }
    }

    /// <summary>A new Java string (NewString, slot 163).</summary>
    public IntPtr NewString(string s)
    {
        fixed (char* p = s)
            return Checked(((delegate* unmanaged<IntPtr, char*, int, IntPtr>)Fn(163))(_env, p, s.Length));
    }

    /// <summary>GetArrayLength (slot 171) of a non-null array.</summary>
    public int ArrayLength(IntPtr array) => ((delegate* unmanaged<IntPtr, IntPtr, int>)Fn(171))(_env, array);

    /// <summary>GetObjectArrayElement (slot 173): a new local reference.</summary>
    public IntPtr GetObjectArrayElement(IntPtr array, int index) =>
        ((delegate* unmanaged<IntPtr, IntPtr, int, IntPtr>)Fn(173))(_env, array, index);

    /// <summary>SetObjectArrayElement (slot 174).</summary>
    public void SetObjectArrayElement(IntPtr array, int index, IntPtr value)
    {
        ((delegate* unmanaged<IntPtr, IntPtr, int, IntPtr, void>)Fn(174))(_env, array, index, value);
        if (ExceptionPending) throw new JavaException("java/lang/ArrayStoreException", "cannot store into the result array");
    }

    /// <summary>A new <c>String[]</c> holding <paramref name="values"/> (NewObjectArray, slot 172, then one NewString each).</summary>
    public IntPtr NewStringArray(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var cls = FindClass("java/lang/String");
        if (cls == IntPtr.Zero) throw new JavaException("java/lang/NoClassDefFoundError", "java/lang/String");
        try
        {
            var a = Checked(((delegate* unmanaged<IntPtr, int, IntPtr, IntPtr, IntPtr>)Fn(172))(_env, values.Count, cls, IntPtr.Zero));
            for (int i = 0; i < values.Count; i++)
            {
                var s = NewString(values[i]);
                SetObjectArrayElement(a, i, s);
                DeleteLocalRef(s);
            }
            return a;
        }
        finally { DeleteLocalRef(cls); }
    }

    /// <summary>EnsureLocalCapacity (slot 26): room for <paramref name="count"/> more local references.</summary>
    public void EnsureLocalCapacity(int count)
    {
        if (((delegate* unmanaged<IntPtr, int, int>)Fn(26))(_env, count) != 0)
            throw new JavaException("java/lang/OutOfMemoryError", $"cannot reserve {count} JNI local references");
    }

    /// <summary>A new <c>double[]</c> holding <paramref name="values"/> (NewDoubleArray 182 + SetDoubleArrayRegion 214).</summary>
    public IntPtr NewDoubleArray(ReadOnlySpan<double> values)
    {
        var a = Checked(((delegate* unmanaged<IntPtr, int, IntPtr>)Fn(182))(_env, values.Length));
        fixed (double* p = values)
            ((delegate* unmanaged<IntPtr, IntPtr, int, int, double*, void>)Fn(214))(_env, a, 0, values.Length, p);
        return a;
    }

    /// <summary>Copies a Java <c>int[]</c> (GetIntArrayRegion, slot 203); for small argument arrays.</summary>
    public int[] GetInts(IntPtr array)
    {
        var r = new int[ArrayLength(array)];
        fixed (int* p = r)
            ((delegate* unmanaged<IntPtr, IntPtr, int, int, int*, void>)Fn(203))(_env, array, 0, r.Length, p);
        return r;
    }

    /// <summary>Copies a Java <c>double[]</c> (GetDoubleArrayRegion, slot 206); for small argument arrays.</summary>
    public double[] GetDoubles(IntPtr array)
    {
        var r = new double[ArrayLength(array)];
        fixed (double* p = r)
            ((delegate* unmanaged<IntPtr, IntPtr, int, int, double*, void>)Fn(206))(_env, array, 0, r.Length, p);
        return r;
    }

    /// <summary>
    /// GetPrimitiveArrayCritical (slot 222): the array's elements in place (no copy when the JVM allows it, which HotSpot
    /// does for every collector); <paramref name="isCopy"/> tells. No JNI call may follow until the release.
    /// </summary>
    public void* GetCritical(IntPtr array, out bool isCopy)
    {
        byte copy = 0;
        var p = ((delegate* unmanaged<IntPtr, IntPtr, byte*, void*>)Fn(222))(_env, array, &copy);
        if (p == null) throw new JavaException("java/lang/OutOfMemoryError", "the JVM could not pin an array");
        isCopy = copy != 0;
        return p;
    }

    /// <summary>ReleasePrimitiveArrayCritical (slot 223) with mode 2 (JNI_ABORT: never copy back; we only read).</summary>
    public void ReleaseCritical(IntPtr array, void* elements) =>
        ((delegate* unmanaged<IntPtr, IntPtr, void*, int, void>)Fn(223))(_env, array, elements, 2);

    /// <summary>GetDirectBufferAddress (slot 230), or null when the object is not a direct buffer.</summary>
    public void* DirectBufferAddress(IntPtr buffer) =>
        ((delegate* unmanaged<IntPtr, IntPtr, void*>)Fn(230))(_env, buffer);

    /// <summary>GetDirectBufferCapacity (slot 231) in bytes, or −1.</summary>
    public long DirectBufferCapacity(IntPtr buffer) =>
        ((delegate* unmanaged<IntPtr, IntPtr, long>)Fn(231))(_env, buffer);

    private IntPtr Checked(IntPtr result)
    {
        if (result == IntPtr.Zero || ExceptionPending)
            throw new JavaException("java/lang/OutOfMemoryError", "the JVM could not allocate a result");
        return result;
    }
}
