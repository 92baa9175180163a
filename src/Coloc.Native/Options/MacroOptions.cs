using Coloc.Core.Parameters;

namespace Coloc.Native.Options;

/// <summary>
/// ImageJ macro option strings: space-separated <c>key=value</c> or <c>key=[value with spaces]</c> pairs (keys in
/// lower case, as GenericDialog records them). Every key must belong to the command's spec; missing keys take the
/// spec's default.
/// </summary>
public static class MacroOptions
{
    /// <summary>Parses <paramref name="text"/> against <paramref name="spec"/>; the result holds every key of the spec.</summary>
    /// <exception cref="ArgumentException">Malformed text, an unknown or repeated key, or a value outside a choice list.</exception>
    public static IReadOnlyDictionary<string, string> Parse(string? text, IReadOnlyList<ParameterSpec> spec)
    {
        var given = Given(text, spec);
        var r = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in spec) r[p.Key!] = given.TryGetValue(p.Key!, out var v) ? v.Trim() : CommandSpecs.MacroDefault(p);
        return r;
    }

    /// <summary>Parses <paramref name="text"/> against <paramref name="spec"/> into values the request builders read (channels 1-based).</summary>
    /// <exception cref="ArgumentException">As <see cref="Parse"/>.</exception>
    public static IParameterValues Values(string? text, IReadOnlyList<ParameterSpec> spec) =>
        new MacroValues(spec, Parse(text, spec), Given(text, spec).Keys.ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// As <see cref="Values"/>, but a key given with an empty value (<c>level=[]</c>, as the Recorder writes every field)
    /// counts as not given.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Parse"/>.</exception>
    public static IParameterValues NonEmptyValues(string? text, IReadOnlyList<ParameterSpec> spec) =>
        new MacroValues(spec, Parse(text, spec), Given(text, spec).Where(kv => kv.Value.Trim().Length > 0).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal));

    private static Dictionary<string, string> Given(string? text, IReadOnlyList<ParameterSpec> spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        text ??= "";
        if (text.Length > 1 << 20) throw new ArgumentException($"options: {text.Length} characters is too long (max 1 MiB)");
        int i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            int start = i;
            while (i < text.Length && text[i] != '=' && !char.IsWhiteSpace(text[i])) i++;
            string key = text[start..i];
            if (key.Any(char.IsControl) || key.Contains('[') || key.Contains(']'))
                throw new ArgumentException($"options: malformed key '{Clip(key)}' in '{Clip(text)}'");
            string value;
            if (i < text.Length && text[i] == '=')
            {
                i++;
                if (i < text.Length && text[i] == '[')
                {
                    int close = text.IndexOf(']', i + 1);
                    if (close < 0) throw new ArgumentException($"options: '{key}=[' has no closing ']'");
                    value = text[(i + 1)..close];
                    i = close + 1;
                }
                else
                {
                    int s = i;
                    while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
                    value = text[s..i];
                }
            }
            else value = "true";
            var p = spec.FirstOrDefault(q => q.Key == key)
                ?? throw new ArgumentException($"options: unknown key '{Clip(key)}' (known: {string.Join(", ", spec.Select(q => q.Key))})");
            if (value.Any(char.IsControl)) throw new ArgumentException($"options: {key}: control characters are not allowed");
            if (!given.TryAdd(key, value)) throw new ArgumentException($"options: key '{key}' is given twice");
            if (p.Kind == ParameterKind.Choice && !p.Choices.Contains(value))
                throw new ArgumentException($"options: {key}: '{Clip(value)}' is not one of {string.Join("|", p.Choices)}");
        }
        return given;
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
