namespace Coloc.IO.Database;

/// <summary>How <see cref="ClrDb"/> opens a database.</summary>
public sealed record ClrDbOptions
{
    /// <summary>
    /// How long to wait for another process's lock before giving up with a clear error; default 5 s. SQLite waits in
    /// whole seconds here: the value is rounded up to at least 1 s.
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Clock for the <c>about</c> and <c>experiments</c> dates (local time, as MagellanMapper's <c>datetime.now()</c>); default the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Whole seconds SQLite waits on a lock: <c>max(1, ceil(BusyTimeout))</c>.</summary>
    internal int BusySeconds => Math.Max(1, (int)Math.Ceiling(BusyTimeout.TotalSeconds));

    /// <summary>The current local time from <see cref="Clock"/> as Python writes it.</summary>
    internal string NowText() => PythonDateText.Format(Clock.GetLocalNow().DateTime);
}
