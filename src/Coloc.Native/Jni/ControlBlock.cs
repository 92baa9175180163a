namespace Coloc.Native.Jni;

/// <summary>
/// A 16-byte direct <c>ByteBuffer</c> shared with Java for one call, so that no .NET thread ever calls into Java:
/// byte 0 is the cancel flag (Java writes non-zero on Esc), bytes 8–15 the progress 0..1 as a native-order double
/// (written here, polled by Java's progress bar). Absent (null buffer) = never cancelled, progress not reported.
/// </summary>
public sealed unsafe class ControlBlock
{
    /// <summary>Required buffer capacity in bytes.</summary>
    public const int Size = 16;

    private readonly byte* _p;

    private ControlBlock(byte* p) => _p = p;

    /// <summary>Wraps the buffer passed to an export (null reference = none).</summary>
    /// <exception cref="JavaException">The object is not a direct buffer of at least <see cref="Size"/> bytes.</exception>
    public static ControlBlock From(JniEnv env, IntPtr buffer)
    {
        if (buffer == IntPtr.Zero) return new ControlBlock(null);
        var p = (byte*)env.DirectBufferAddress(buffer);
        if (p == null || env.DirectBufferCapacity(buffer) < Size)
            throw JavaException.Argument($"control: expected a direct ByteBuffer of at least {Size} bytes");
        return new ControlBlock(p);
    }

    /// <summary>Wraps raw memory of at least <see cref="Size"/> bytes with the same layout (null = none), e.g. the C ABI's control block.</summary>
    public static ControlBlock At(void* p) => new((byte*)p);

    /// <summary>True once Java asked to cancel.</summary>
    public bool CancelRequested => _p != null && Volatile.Read(ref _p[0]) != 0;

    /// <summary>Reports progress (0..1) to Java.</summary>
    public void Report(double fraction)
    {
        if (_p != null) Volatile.Write(ref *(double*)(_p + 8), Math.Clamp(fraction, 0, 1));
    }

    /// <summary>A token that is cancelled once Java asks (polled every 50 ms on a timer thread that never touches JNI).</summary>
    public CancelWatch Watch() => new(this);
}
