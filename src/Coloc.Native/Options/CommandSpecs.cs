using System.Text;

namespace Coloc.Native.Options;

/// <summary>
/// The options of every plugin command, declared once. Keys are the ImageJ macro keys of issue 5
/// (<c>run("Match Blobs", "blobs=[path] mode=magmap ...")</c>).
/// </summary>
public static class CommandSpecs
{
    /// <summary>Match Blobs: blobs=[path] mode=exact|magmap profile=[...] tolerance=[z,y,x] unit=micron|pixel channels=[1,2] output=[dir] database=[file] experiment=[name].</summary>
    public static IReadOnlyList<ParameterSpec> Match { get; } =
    [
        ParameterSpec.Of("blobs", ParameterKind.FileIn, "", "",
            "Blob CSV in MagellanMapper's format (z,y,x,radius,confirmed,truth,channel; voxels; channel 0-based); empty = detect blobs on the image first (Detect Blobs with this profile and these channels)"),
        new("mode", ParameterKind.Choice, "exact", "",
            "exact: largest optimal one-to-one matching; magmap: MagellanMapper 1.7's result row for row", ["exact", "magmap"]),
        ParameterSpec.Of("profile", ParameterKind.Text, "default", "",
            "ROI profiles applied left to right on top of default, comma-separated (e.g. default,lightsheet)"),
        ParameterSpec.Of("tolerance", ParameterKind.Vector, "", "z,y,x",
            "Match tolerance z,y,x in the unit below; empty = from the profile (magmap stack runs always use the profile's)"),
        new("unit", ParameterKind.Choice, "micron", "",
            "Unit of the tolerance: micron (converted with the image calibration) or pixel (voxels)", ["micron", "pixel"]),
        ParameterSpec.Of("channels", ParameterKind.Channels, "", "1-based",
            "Channels to pair, 1-based as in ImageJ (e.g. 1,2); empty = every channel that has blobs"),
        ParameterSpec.Of("output", ParameterKind.Folder, "", "",
            "Folder for matches_c<a>_c<b>.csv and summary.json (0-based channels in file names, as MagellanMapper); empty = none"),
        ParameterSpec.Of("database", ParameterKind.FileOut, "", "",
            "SQLite results database to add the matches to (MagellanMapper's schema, created if missing); empty = none"),
        ParameterSpec.Of("experiment", ParameterKind.Text, "", "",
            "Experiment name in the database; empty = the image title without extension"),
    ];

    /// <summary>Intensity Colocalize: blobs=[path] threshold=min|&lt;percentile&gt; output=[file].</summary>
    public static IReadOnlyList<ParameterSpec> Intensity { get; } =
    [
        ParameterSpec.Of("blobs", ParameterKind.FileIn, "", "",
            "Blob CSV in MagellanMapper's format (voxels relative to the image; channel 0-based)"),
        ParameterSpec.Of("threshold", ParameterKind.Text, "min", "",
            "min (MagellanMapper's rule: smallest mean over the channel's blob regions) or a percentile 0-100 of the channel over its blob regions"),
        ParameterSpec.Of("output", ParameterKind.FileOut, "", "",
            "CSV of per-blob flags (blob_index,in_roi,c0,c1,...; 0-based channels); empty = none"),
    ];

    /// <summary>Open Coloc Database: database=[file] channels=[1,2] experiment=[name].</summary>
    public static IReadOnlyList<ParameterSpec> Database { get; } =
    [
        ParameterSpec.Of("database", ParameterKind.FileIn, "", "", "SQLite results database (MagellanMapper's schema)"),
        ParameterSpec.Of("channels", ParameterKind.Channels, "", "1-based",
            "Channels to pair, 1-based (e.g. 1,2); empty = every channel of the image"),
        ParameterSpec.Of("experiment", ParameterKind.Text, "", "",
            "Experiment name; empty = the only experiment in the database"),
    ];

    /// <summary>Detect Blobs: profile=[default] channels=[1,2] output=[file.csv].</summary>
    public static IReadOnlyList<ParameterSpec> Detect { get; } =
    [
        ParameterSpec.Of("profile", ParameterKind.Text, "default", "",
            "ROI profiles on top of default (sigma factors in µm, number of sigmas, threshold, overlap, isotropy), e.g. lightsheet"),
        ParameterSpec.Of("channels", ParameterKind.Channels, "", "1-based", "Channels to detect, 1-based (e.g. 1,2); empty = all"),
        ParameterSpec.Of("output", ParameterKind.FileOut, "", "",
            "Blob CSV to write (z,y,x,radius,confirmed,truth,channel; the input of Match Blobs); empty = none"),
    ];

    /// <summary>The spec of a command by name: <c>match</c>, <c>intensity</c>, <c>database</c> or <c>detect</c>.</summary>
    /// <exception cref="ArgumentException">Unknown command.</exception>
    public static IReadOnlyList<ParameterSpec> Of(string command) => command switch
    {
        "match" => Match,
        "intensity" => Intensity,
        "database" => Database,
        "detect" => Detect,
        _ => throw new ArgumentException($"unknown command '{command}' (known: match, intensity, database, detect)"),
    };

    /// <summary>
    /// The spec as text for the Java dialog: one line per parameter,
    /// <c>key TAB kind TAB default TAB unit TAB choices(|-separated) TAB help</c>, kinds in lower case.
    /// </summary>
    public static string Serialize(IReadOnlyList<ParameterSpec> spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sb = new StringBuilder();
        foreach (var p in spec)
            sb.Append(p.Key).Append('\t').Append(p.Kind.ToString().ToLowerInvariant()).Append('\t').Append(p.Default)
              .Append('\t').Append(p.Unit).Append('\t').Append(string.Join('|', p.Choices)).Append('\t').Append(p.Help).Append('\n');
        return sb.ToString();
    }
}
