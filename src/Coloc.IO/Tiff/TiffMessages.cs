using System.Globalization;

namespace Coloc.IO.Tiff;

/// <summary>
/// What LibTiff.NET reported for one open file: its errors (turned into <see cref="ColocFormatException"/> by the
/// caller) and warnings (passed to the caller's sink). One instance per <see cref="TiffStack"/> or writer; it is the
/// <c>clientData</c> LibTiff.NET hands back to <see cref="LibTiffMessageRouter"/>.
/// </summary>
internal sealed class TiffMessages
{
    private readonly Action<string>? _warn;
    private string? _lastWarning;

    internal TiffMessages(string path, Action<string>? warn)
    {
        Path = path;
        _warn = warn;
    }

    /// <summary>The file these messages are about.</summary>
    internal string Path { get; }

    /// <summary>The first error since the last <see cref="TakeError"/>, or null.</summary>
    internal string? Error { get; private set; }

    internal void AddError(string module, string format, object[]? args)
    {
        Error ??= Render(module, format, args);
    }

    /// <summary>The last warning reported (null before the first); a decoder's warning means damaged data.</summary>
    internal string? LastWarning { get; private set; }

    /// <summary>Number of warnings reported so far (both handler methods counted).</summary>
    internal int WarningCount { get; private set; }

    internal void AddWarning(string module, string format, object[]? args)
    {
        string text = Render(module, format, args);
        WarningCount++;
        LastWarning = text;
        if (text == _lastWarning) return;   // LibTiff.NET may report one message through both handler methods
        _lastWarning = text;
        if (_held is not null) _held.Add($"{Path}: {text}");
        else _warn?.Invoke($"{Path}: {text}");
    }

    private List<string>? _held;

    /// <summary>Keeps the warnings back from now on until <see cref="Release"/>: a file refused while it is opened shows only its error.</summary>
    internal void Hold() => _held ??= [];

    /// <summary>Passes the kept-back warnings on, and later ones as they come.</summary>
    internal void Release()
    {
        var held = _held;
        _held = null;
        if (held is not null) foreach (var w in held) _warn?.Invoke(w);
    }

    /// <summary>Returns and clears the pending error.</summary>
    internal string? TakeError()
    {
        var e = Error;
        Error = null;
        return e;
    }

    private static string Render(string module, string format, object[]? args)
    {
        string text;
        try
        {
            text = args is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, format, args) : format;
        }
        catch (FormatException)
        {
            text = format;
        }
        text = text.Replace('\n', ' ').Replace('\r', ' ').Trim();
        return string.IsNullOrEmpty(module) ? text : $"{module}: {text}";
    }
}
