using System.Text;
using Coloc.Core.Parameters;

namespace Coloc.Native.Options;

/// <summary>
/// The parameters of every plugin command: the declarations of <c>Coloc.Core.Parameters</c> that have a macro key
/// (<c>run("Match Blobs", "blobs=[path] mode=magmap ...")</c>), in declaration order. The Java dialog is built from
/// <see cref="Serialize"/>, the native side parses the same keys (<see cref="MacroOptions"/>).
/// </summary>
public static class CommandSpecs
{
    /// <summary>Match Blobs: blobs=[path] mode=exact|magmap profile=[...] tolerance=[z,y,x] unit=micron|pixel channels=[1,2] output=[dir] database=[file] experiment=[name].</summary>
    public static IReadOnlyList<ParameterSpec> Match { get; } = Fiji(MatchParameters.All);

    /// <summary>Intensity Colocalize: blobs=[path] threshold=min|&lt;percentile&gt; output=[file].</summary>
    public static IReadOnlyList<ParameterSpec> Intensity { get; } = Fiji(IntensityParameters.All);

    /// <summary>Open Coloc Database: database=[file] channels=[1,2] experiment=[name].</summary>
    public static IReadOnlyList<ParameterSpec> Database { get; } = Fiji(DatabaseParameters.All);

    /// <summary>Detect Blobs: profile=[default] channels=[1,2] output=[file.csv].</summary>
    public static IReadOnlyList<ParameterSpec> Detect { get; } = Fiji(DetectParameters.All);

    /// <summary>Coloc Regions: labels=[title|ROI Manager] blobs=[path] matches=[dir] ontology=[file] level=N mode=exact|magmap profile tolerance unit channels permutations seed radius output=[dir].</summary>
    public static IReadOnlyList<ParameterSpec> Regions { get; } = Fiji(RegionParameters.Dialog);

    /// <summary>The spec of a command by name: <c>match</c>, <c>intensity</c>, <c>database</c>, <c>detect</c> or <c>regions</c>.</summary>
    /// <exception cref="ArgumentException">Unknown command.</exception>
    public static IReadOnlyList<ParameterSpec> Of(string command) => command switch
    {
        "match" => Match,
        "intensity" => Intensity,
        "database" => Database,
        "detect" => Detect,
        "regions" => Regions,
        _ => throw new ArgumentException($"unknown command '{command}' (known: match, intensity, database, detect, regions)"),
    };

    /// <summary>The value a key takes when the option string omits it (empty = not set).</summary>
    public static string MacroDefault(ParameterSpec p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.KeyDefault ?? p.Default ?? "";
    }

    /// <summary>
    /// The spec as text for the Java dialog: one line per parameter,
    /// <c>key TAB kind TAB default TAB unit TAB choices(|-separated) TAB help TAB label</c>, kinds in lower case
    /// (<c>filein</c>, <c>fileout</c>, <c>folder</c>, <c>choice</c>, <c>text</c>, <c>vector</c>, <c>channels</c>,
    /// <c>integer</c>, <c>switch</c>). The choices of a <c>choice</c> are enforced; those of any other kind are
    /// the dialog's suggestions (<see cref="ParameterSpec.KeySuggestions"/>). The label is <see cref="ParameterSpec.DialogLabel"/>.
    /// </summary>
    public static string Serialize(IReadOnlyList<ParameterSpec> spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sb = new StringBuilder();
        foreach (var p in spec)
            sb.Append(p.Key).Append('\t').Append(p.Kind.ToString().ToLowerInvariant()).Append('\t').Append(MacroDefault(p))
              .Append('\t').Append(p.KeyUnit ?? p.Unit).Append('\t').Append(string.Join('|', p.Choices.Count > 0 ? p.Choices : p.KeySuggestions)).Append('\t').Append(p.KeyHelp ?? p.Help)
              .Append('\t').Append(p.DialogLabel).Append('\n');
        return sb.ToString();
    }

    private static ParameterSpec[] Fiji(IEnumerable<ParameterSpec> all) => all.Where(p => p.Key is not null).ToArray();
}
