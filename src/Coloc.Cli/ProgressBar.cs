namespace Coloc.Cli;

/// <summary>
/// A one-line progress bar on the terminal (<c>detect [#####.....] 12/40 blocks 00:31</c>), redrawn in place with a
/// carriage return; silent when the writer is not a terminal, so logs and tests stay clean.
/// </summary>
public sealed class ProgressBar
{
    private readonly TextWriter _writer;
    private readonly bool _enabled;
    private readonly string _label;
    private readonly int _total;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly Lock _lock = new();

    /// <summary>Creates the bar for <paramref name="total"/> steps named <paramref name="unit"/>.</summary>
    public ProgressBar(TextWriter writer, bool enabled, string label, int total, string unit)
    {
        _writer = writer;
        _enabled = enabled;
        _label = label;
        _total = Math.Max(1, total);
        Unit = unit;
    }

    /// <summary>The step name, e.g. <c>blocks</c>.</summary>
    public string Unit { get; }

    /// <summary>Whether standard error is a terminal (where the bar is drawn).</summary>
    public static bool StderrIsTerminal => !Console.IsErrorRedirected;

    /// <summary>Shows <paramref name="done"/> of the total.</summary>
    public void Report(int done)
    {
        if (!_enabled) return;
        lock (_lock)
        {
            const int width = 30;
            int filled = (int)((long)Math.Clamp(done, 0, _total) * width / _total);
            var t = _clock.Elapsed;
            _writer.Write($"\r{_label} [{new string('#', filled)}{new string('.', width - filled)}] {done}/{_total} {Unit} {(int)t.TotalMinutes:00}:{t.Seconds:00}");
            _writer.Flush();
        }
    }

    /// <summary>Ends the line (if anything was drawn).</summary>
    public void Done()
    {
        if (!_enabled) return;
        lock (_lock)
        {
            _writer.WriteLine();
        }
    }
}
