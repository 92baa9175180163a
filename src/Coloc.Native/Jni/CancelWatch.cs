namespace Coloc.Native.Jni;

/// <summary>Polls a <see cref="ControlBlock"/>'s cancel flag every 50 ms while alive and cancels <see cref="Token"/> when it is set.</summary>
public sealed class CancelWatch : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly Timer _timer;

    /// <summary>Starts polling <paramref name="control"/>.</summary>
    public CancelWatch(ControlBlock control)
    {
        ArgumentNullException.ThrowIfNull(control);
        _timer = new Timer(_ =>
        {
            // A timer callback must never throw (it would abort the JVM's process); after Dispose the source is gone.
            try
            {
                if (control.CancelRequested) _cts.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }, null, 0, 50);
    }

    /// <summary>Cancelled once Java sets the cancel flag.</summary>
    public CancellationToken Token => _cts.Token;

    /// <inheritdoc/>
    public void Dispose()
    {
        _timer.Dispose();
        _cts.Dispose();
    }
}
