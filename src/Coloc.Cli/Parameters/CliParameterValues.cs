using System.CommandLine;
using Coloc.Core.Parameters;

namespace Coloc.Cli.Parameters;

/// <summary>
/// A parsed command line as <see cref="IParameterValues"/>: channels 0-based; a parameter is looked up by its name
/// among the command's declarations, whose default applies when it is not given.
/// </summary>
internal sealed class CliParameterValues(ParseResult parsed, IReadOnlyDictionary<string, (ParameterSpec Spec, Option Option)> options) : IParameterValues
{
    public int ChannelBase => 0;

    public bool Given(ParameterSpec parameter) =>
        options.TryGetValue(parameter.Name, out var d) && parsed.GetResult(d.Option) is { Implicit: false };

    public string? Text(ParameterSpec parameter)
    {
        if (!options.TryGetValue(parameter.Name, out var d)) return null;
        var o = d.Option;
        if (!Given(parameter)) return d.Spec.Default;
        return o switch
        {
            Option<string> s => parsed.GetValue(s),
            Option<string[]> many => string.Join(",", parsed.GetValue(many) ?? []),
            Option<bool> b => parsed.GetValue(b) ? "true" : null,
            _ => null,
        };
    }

    public IReadOnlyList<string> Texts(ParameterSpec parameter) =>
        options.TryGetValue(parameter.Name, out var d) && d.Option is Option<string[]> many && Given(parameter) ? parsed.GetValue(many) ?? [] : [];
}
