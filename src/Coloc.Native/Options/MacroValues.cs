using Coloc.Core.Parameters;

namespace Coloc.Native.Options;

/// <summary>
/// A parsed macro option string as <see cref="IParameterValues"/>: channels 1-based; a parameter is looked up by its
/// name among the command's declarations and read under that declaration's macro key.
/// </summary>
internal sealed class MacroValues(IReadOnlyList<ParameterSpec> spec, IReadOnlyDictionary<string, string> values, IReadOnlySet<string> given) : IParameterValues
{
    public int ChannelBase => 1;

    public bool Given(ParameterSpec parameter) => Key(parameter) is { } k && given.Contains(k);

    public string? Text(ParameterSpec parameter) => Key(parameter) is { } k && values.TryGetValue(k, out var v) ? v : null;

    public IReadOnlyList<string> Texts(ParameterSpec parameter) => [];

    private string? Key(ParameterSpec parameter) => spec.FirstOrDefault(p => p.Name == parameter.Name)?.Key;
}
