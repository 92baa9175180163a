namespace Coloc.Core.Parameters;

/// <summary>
/// One parameter of a command, declared once and format-free: the command line (<see cref="Flag"/>), the Fiji dialog
/// and macro (<see cref="Key"/>) and the option tables of the README are all generated from it. The two faces may
/// differ: <c>--tol</c> + <c>--tol-um</c> on the command line are <c>tolerance</c> + <c>unit</c> in Fiji, channels
/// are 0-based on the command line and 1-based in Fiji.
/// </summary>
/// <param name="Name">Name in messages of this library, e.g. <c>tolerance</c>; fronts show <see cref="Flag"/> or <see cref="Key"/> instead.</param>
/// <param name="Kind">Value kind.</param>
/// <param name="Help">One-line meaning (command line and README).</param>
public sealed record ParameterSpec(string Name, ParameterKind Kind, string Help)
{
    /// <summary>Command-line flag, e.g. <c>--tol</c>; null when the command line has no such parameter.</summary>
    public string? Flag { get; init; }

    /// <summary>Macro key, e.g. <c>tolerance</c>; null when Fiji has no such parameter.</summary>
    public string? Key { get; init; }

    /// <summary>Unit of the value (README column), e.g. <c>voxels</c>, <c>µm</c>; empty when none.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Default value as text, parsed like a given value; null = not set.</summary>
    public string? Default { get; init; }

    /// <summary>The default in words when it is not a literal (e.g. <c>all cores</c>, <c>profile</c>); the README shows it.</summary>
    public string? DefaultText { get; init; }

    /// <summary>Smallest value of an <see cref="ParameterKind.Integer"/>, or null.</summary>
    public int? Minimum { get; init; }

    /// <summary>Largest value of an <see cref="ParameterKind.Integer"/>, or null.</summary>
    public int? Maximum { get; init; }

    /// <summary>Allowed values of a <see cref="ParameterKind.Choice"/>.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The command fails without it.</summary>
    public bool Required { get; init; }

    /// <summary>May be given several times (<c>--profile-set A=1 --profile-set B=2</c>).</summary>
    public bool Repeatable { get; init; }

    /// <summary>Takes several values after one flag (<c>--profile a b</c>).</summary>
    public bool Several { get; init; }

    /// <summary>Help in the Fiji dialog, when it differs from <see cref="Help"/>.</summary>
    public string? KeyHelp { get; init; }

    /// <summary>Unit beside the Fiji field, when it differs from <see cref="Unit"/>.</summary>
    public string? KeyUnit { get; init; }

    /// <summary>Default of the Fiji field, when it differs from <see cref="Default"/>; empty = not set.</summary>
    public string? KeyDefault { get; init; }

    /// <summary>
    /// The Fiji dialog's label in words, e.g. <c>Output folder</c>; its first word, in lower case, is <see cref="Key"/>
    /// (ImageJ's recorder and macros name a field by that word), so recorded macros keep the keys. Null = the key,
    /// capitalised.
    /// </summary>
    public string? KeyLabel { get; init; }

    /// <summary>
    /// Values the Fiji dialog offers in a drop-down for a <see cref="ParameterKind.Text"/> parameter (e.g. the profile
    /// names); unlike <see cref="Choices"/> they are not enforced, so a macro may give any other valid value.
    /// </summary>
    public IReadOnlyList<string> KeySuggestions { get; init; } = [];

    /// <summary>The Fiji dialog's label: <see cref="KeyLabel"/>, else <see cref="Key"/> capitalised; empty without a key.</summary>
    public string DialogLabel => KeyLabel ?? (Key is { Length: > 0 } k ? char.ToUpperInvariant(k[0]) + k[1..] : "");

    /// <summary>The README's default column: <c>required</c>, the literal default, <see cref="DefaultText"/> or empty.</summary>
    public string DocsDefault => Required ? "required" : DefaultText ?? (Default is { Length: > 0 } d ? "`" + d + "`" : "");
}
