using System.Globalization;

namespace Coloc.IO.Database;

/// <summary>
/// Date text as Python's <c>sqlite3</c> stores a <c>datetime.datetime</c>: <c>YYYY-MM-DD HH:MM:SS.ffffff</c>, local
/// time, without the fraction when the microseconds are 0 (<c>datetime.isoformat(" ")</c>).
/// </summary>
public static class PythonDateText
{
    /// <summary>Formats <paramref name="time"/> (its wall-clock fields, microsecond precision, truncated).</summary>
    public static string Format(DateTime time)
    {
        int micros = (int)(time.Ticks % TimeSpan.TicksPerSecond / 10);
        string s = time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return micros == 0 ? s : s + "." + micros.ToString("D6", CultureInfo.InvariantCulture);
    }
}
