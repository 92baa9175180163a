using Coloc.Core.Parameters;

namespace Coloc.Native.CAbi;

/// <summary>
/// The parameters each C export takes in its option text (<see cref="FlagValues"/>): the command's declarations with a
/// flag, minus the files the CLI reads or writes (the C caller passes arrays and gets arrays back).
/// </summary>
public static class CommandOptions
{
    /// <summary><c>coloc_match</c>: <c>coloc match</c>'s parameters without --blobs, --out, --db, --exp-name.</summary>
    public static IReadOnlyList<ParameterSpec> Match { get; } = Without(MatchParameters.All,
        SharedParameters.Blobs, SharedParameters.OutFolder, SharedParameters.Database, SharedParameters.Experiment);

    /// <summary><c>coloc_detect</c>: <c>coloc detect</c>'s parameters without --image, --out.</summary>
    public static IReadOnlyList<ParameterSpec> Detect { get; } = Without(DetectParameters.All, SharedParameters.Image, SharedParameters.OutFile);

    /// <summary><c>coloc_intensity</c>: <c>coloc intensity</c>'s parameters without --image, --blobs, --out, --diagnostics, --frame.</summary>
    public static IReadOnlyList<ParameterSpec> Intensity { get; } = Without(IntensityParameters.All,
        SharedParameters.Image, SharedParameters.Blobs, SharedParameters.OutFile, IntensityParameters.Diagnostics, IntensityParameters.Frame);

    /// <summary>
    /// <c>coloc_regions</c>: every parameter of <c>coloc regions</c> (it reads and writes files as the CLI does;
    /// --blobs is left out when the caller passes the blobs as an array).
    /// </summary>
    public static IReadOnlyList<ParameterSpec> Regions { get; } = Without(RegionParameters.All);

    /// <summary>The options of a command by name: <c>match</c>, <c>detect</c>, <c>intensity</c> or <c>regions</c>.</summary>
    /// <exception cref="ArgumentException">Unknown command.</exception>
    public static IReadOnlyList<ParameterSpec> Of(string command) => command switch
    {
        "match" => Match,
        "detect" => Detect,
        "intensity" => Intensity,
        "regions" => Regions,
        _ => throw new ArgumentException($"unknown command '{command}' (known: match, detect, intensity, regions)"),
    };

    /// <summary>
    /// The listing of <c>coloc_parameters</c>: one line per parameter,
    /// <c>flag TAB name TAB kind TAB default TAB default-in-words TAB unit TAB choices(|-separated) TAB help</c>, kinds in lower case.
    /// </summary>
    public static string Listing(IReadOnlyList<ParameterSpec> spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return string.Concat(spec.Select(p => string.Join('\t', p.Flag, p.Name, p.Kind.ToString().ToLowerInvariant(), p.Default ?? "",
            p.DefaultText ?? "", p.Unit, string.Join('|', p.Choices), p.Help) + "\n"));
    }

    private static ParameterSpec[] Without(IEnumerable<ParameterSpec> all, params ParameterSpec[] files) =>
        all.Where(p => p.Flag is not null && files.All(f => f.Name != p.Name)).ToArray();
}
