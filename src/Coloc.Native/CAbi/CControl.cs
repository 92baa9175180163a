using System.Runtime.InteropServices;
using Coloc.Native.Jni;

namespace Coloc.Native.CAbi;

/// <summary>
/// The caller's control block of a long C export (optional, null = never cancelled, no progress), 32 bytes:
/// <code>
/// struct coloc_control {
///     volatile int32_t cancel;   /* offset 0: the caller sets non-zero to cancel (polled every 50 ms) */
///     int32_t reserved;          /* offset 4: 0 */
///     volatile double progress;  /* offset 8: written here, 0..1 */
///     void (*callback)(double progress, void *user); /* offset 16: optional, called on any thread; must not call coloc_* */
///     void *user;                /* offset 24: passed to callback */
/// };
/// </code>
/// The first 16 bytes have the layout of the plugin's <see cref="ControlBlock"/>, which does the polling and writing.
/// </summary>
public sealed unsafe class CControl : IProgress<double>
{
    /// <summary>Size of the C struct in bytes.</summary>
    public const int Size = 32;

    private readonly delegate* unmanaged<double, void*, void> _callback;
    private readonly void* _user;

    private CControl(void* p)
    {
        Block = ControlBlock.At(p);
        if (p != null)
        {
            _callback = (delegate* unmanaged<double, void*, void>)Marshal.ReadIntPtr((IntPtr)p, 16);
            _user = (void*)Marshal.ReadIntPtr((IntPtr)p, 24);
        }
    }

    /// <summary>The control block at <paramref name="p"/> (null = none).</summary>
    public static CControl At(void* p) => new(p);

    /// <summary>The cancel flag and progress value.</summary>
    public ControlBlock Block { get; }

    /// <summary>Throws <see cref="OperationCanceledException"/> once the caller asked to cancel.</summary>
    public void ThrowIfCancelled()
    {
        if (Block.CancelRequested) throw new OperationCanceledException();
    }

    /// <summary>Writes the progress (0..1) and calls the callback when there is one.</summary>
    public void Report(double value)
    {
        Block.Report(value);
        if (_callback != null) _callback(Math.Clamp(value, 0, 1), _user);
    }
}
