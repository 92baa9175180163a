using System.CommandLine;
using Coloc.Core.Parameters;

namespace Coloc.Cli.Parameters;

/// <summary>
/// The System.CommandLine options of one command, generated from its declarations (<see cref="ParameterSpec"/> with a
/// <see cref="ParameterSpec.Flag"/>). Every value is taken as text and parsed by <see cref="ParameterText"/>, so a bad
/// value is reported the same way on every front, naming the flag.
/// </summary>
public sealed class CliParameters
{
    private readonly Dictionary<string, (ParameterSpec Spec, Option Option)> _options = new(StringComparer.Ordinal);
    private readonly List<ParameterSpec> _specs = [];

    /// <summary>Options for every declaration in <paramref name="specs"/> that has a flag (names unique within a command).</summary>
    public CliParameters(IEnumerable<ParameterSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        foreach (var p in specs.Where(p => p.Flag is not null))
        {
            _options.Add(p.Name, (p, Create(p)));
            _specs.Add(p);
        }
    }

    /// <summary>The declarations, in order.</summary>
    public IReadOnlyList<ParameterSpec> Specs => _specs;

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var p in _specs) command.Options.Add(_options[p.Name].Option);
    }

    /// <summary>The values of a parsed command line, output paths checked (<see cref="OutputPathCheck"/>).</summary>
    /// <exception cref="ParameterException">An output path names an input, another output, a missing or unwritable folder or a device.</exception>
    public IParameterValues Values(ParseResult parsed)
    {
        var values = new CliParameterValues(parsed, _options);
        OutputPathCheck.Check(_specs, values);
        return values;
    }

    /// <summary>The option for <paramref name="p"/>: a switch, a list (repeatable or several per flag) or one text value.</summary>
    public static Option Create(ParameterSpec p)
    {
        ArgumentNullException.ThrowIfNull(p);
        string flag = p.Flag ?? throw new ArgumentException($"{p.Name}: has no command-line flag", nameof(p));
        string description = Description(p);
        if (p.Kind == ParameterKind.Switch) return new Option<bool>(flag) { Description = description };
        if (p.Repeatable || p.Several)
            return new Option<string[]>(flag) { Description = description, Required = p.Required, AllowMultipleArgumentsPerToken = p.Several };
        return new Option<string>(flag) { Description = description, Required = p.Required };
    }

    /// <summary>The help line: meaning, unit, choices and default.</summary>
    public static string Description(ParameterSpec p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var extra = new List<string>();
        if (p.Unit.Length > 0) extra.Add(p.Unit);
        if (p.Choices.Count > 0) extra.Add(string.Join("|", p.Choices));
        if (!p.Required && p.DocsDefault.Length > 0) extra.Add("default " + p.DocsDefault.Replace("`", "", StringComparison.Ordinal));
        if (p.Repeatable) extra.Add("repeatable");
        return extra.Count == 0 ? p.Help : $"{p.Help} ({string.Join("; ", extra)})";
    }
}
