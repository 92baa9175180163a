using Coloc.Core.Parameters;

namespace Coloc.Native.CAbi;

/// <summary>
/// The C ABI's option text as <see cref="IParameterValues"/>, with the command line's meaning (flags, channels
/// 0-based, the declarations' defaults): one option per line, <c>flag TAB value</c>, lines separated by <c>\n</c>,
/// e.g. <c>"--tol\t3,3,3\n--mode\tmagmap"</c>. A repeatable or several-valued flag may come on several lines.
/// </summary>
public sealed class FlagValues : IParameterValues
{
    private readonly Dictionary<string, List<string>> _given = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParameterSpec> _byName = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="text"/> against the declarations of <paramref name="spec"/> that have a flag.</summary>
    /// <exception cref="ArgumentException">A malformed line, an unknown flag or a flag given twice that takes one value.</exception>
    public FlagValues(string text, IEnumerable<ParameterSpec> spec)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spec);
        var byFlag = spec.Where(p => p.Flag is not null).ToDictionary(p => p.Flag!, StringComparer.Ordinal);
        foreach (var p in byFlag.Values) _byName[p.Name] = p;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0) continue;
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0) throw new ArgumentException($"options: expected 'flag TAB value', got '{Clip(line)}'");
            string flag = line[..tab], value = line[(tab + 1)..];
            var p = byFlag.GetValueOrDefault(flag)
                ?? throw new ArgumentException($"options: unknown option '{Clip(flag)}' (known: {string.Join(", ", byFlag.Keys)})");
            if (value.Any(char.IsControl)) throw new ArgumentException($"{flag}: control characters are not allowed");
            var list = _given.TryGetValue(p.Name, out var l) ? l : _given[p.Name] = [];
            if (list.Count > 0 && !(p.Repeatable || p.Several)) throw new ArgumentException($"{flag}: given twice");
            list.Add(value);
        }
    }

    /// <inheritdoc/>
    public int ChannelBase => 0;

    /// <inheritdoc/>
    public bool Given(ParameterSpec parameter) => parameter is not null && _given.ContainsKey(parameter.Name);

    /// <inheritdoc/>
    public string? Text(ParameterSpec parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (_given.TryGetValue(parameter.Name, out var v)) return string.Join(",", v);
        return _byName.TryGetValue(parameter.Name, out var p) ? p.Default : null;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Texts(ParameterSpec parameter) =>
        parameter is not null && _given.TryGetValue(parameter.Name, out var v) && (parameter.Repeatable || parameter.Several) ? v : [];

    private static string Clip(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
