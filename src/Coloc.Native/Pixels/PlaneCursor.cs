using Coloc.Native.Jni;

namespace Coloc.Native.Pixels;

/// <summary>
/// Holds at most one pinned plane of a <see cref="JavaPlanes"/> image: <see cref="Pin{T}"/> releases the previous
/// plane and pins the next (GetPrimitiveArrayCritical, no copy). Dispose releases the last one. Must be used on the
/// Java thread that called the export (checked: a JNIEnv is bound to its thread).
/// </summary>
public sealed unsafe class PlaneCursor : IDisposable
{
    private readonly JniEnv _env;
    private readonly IntPtr _array;
    private readonly int _thread = Environment.CurrentManagedThreadId;
    private IntPtr _pinnedRef;
    private void* _pinned;

    private readonly ControlBlock _control;

    private readonly bool _reportProgress;

    /// <summary>
    /// A cursor over <paramref name="planes"/> (validated by <see cref="JavaPlanes.From"/>); cancel through
    /// <paramref name="control"/>, and progress (fraction of z planes) too when <paramref name="reportProgress"/>.
    /// </summary>
    public PlaneCursor(JniEnv env, IntPtr planesArray, JavaPlanes planes, ControlBlock control, bool reportProgress = true)
    {
        ArgumentNullException.ThrowIfNull(planes);
        ArgumentNullException.ThrowIfNull(control);
        (_env, _array, Planes, _control, _reportProgress) = (env, planesArray, planes, control, reportProgress);
    }

    /// <summary>The image being read.</summary>
    public JavaPlanes Planes { get; }

    /// <summary>Bytes the JVM copied instead of pinning in place (0 = zero-copy).</summary>
    public long BytesCopied { get; private set; }

    /// <summary>Releases the current plane and pins plane z of channel c; the span is valid until the next call or Dispose.</summary>
    public ReadOnlySpan<T> Pin<T>(int c, int z) where T : unmanaged
    {
        if (Environment.CurrentManagedThreadId != _thread)
            throw new InvalidOperationException("Java pixel planes may only be read on the Java thread that called the export");
        if ((uint)c >= (uint)Planes.Channels || (uint)z >= (uint)Planes.Shape.Z)
            throw new ArgumentOutOfRangeException(nameof(z), $"plane c={c} z={z} is outside {Planes.Channels} channels x {Planes.Shape.Z} slices");
        if (sizeof(T) != Planes.ElementSize) throw new InvalidOperationException($"planes hold {Planes.Type}, not {typeof(T).Name}");
        Release();
        if (_control.CancelRequested) throw new OperationCanceledException();
        if (_reportProgress) _control.Report((z + 1) / (double)Planes.Shape.Z);
        int n = Planes.Shape.Y * Planes.Shape.X;
        var p = _env.GetObjectArrayElement(_array, z * Planes.Channels + c);
        if (!Planes.IsValidPlane(p))
        {
            _env.DeleteLocalRef(p);
            throw JavaException.Argument($"planes[{z * Planes.Channels + c}] changed during the call");
        }
        _pinned = _env.GetCritical(p, out bool isCopy);
        _pinnedRef = p;
        if (isCopy) BytesCopied += (long)n * sizeof(T);
        return new ReadOnlySpan<T>(_pinned, n);
    }

    private void Release()
    {
        if (_pinnedRef == IntPtr.Zero) return;
        _env.ReleaseCritical(_pinnedRef, _pinned);
        _env.DeleteLocalRef(_pinnedRef);
        _pinnedRef = IntPtr.Zero;
        _pinned = null;
    }

    /// <inheritdoc/>
    public void Dispose() => Release();
}
