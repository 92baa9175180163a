using Coloc.Core.Geometry;

namespace Coloc.Core.Parameters;

/// <summary>Reading stored matches back (<c>coloc db select</c>, Fiji's Open Coloc Database): the parameters and their checks.</summary>
public static class DatabaseParameters
{
    /// <summary>The database to read.</summary>
    public static ParameterSpec Database { get; } = SharedParameters.Database with
    {
        Kind = ParameterKind.FileIn, Required = true,
        Help = "MagellanMapper results database (SQLite), opened read-only", KeyHelp = "SQLite results database (MagellanMapper's schema)",
        KeyLabel = "Database file (SQLite)",
    };

    /// <summary>Region offset (with <see cref="RegionShape"/>).</summary>
    public static ParameterSpec RegionOffset { get; } = new("region offset", ParameterKind.Vector, "Region offset Z,Y,X (with the region size)")
    { Flag = "--offset", Unit = "voxels" };

    /// <summary>Region size (with <see cref="RegionOffset"/>).</summary>
    public static ParameterSpec RegionShape { get; } = new("region shape", ParameterKind.Vector,
        "Region size Z,Y,X (with the region offset); a match is kept when both blobs lie in offset <= zyx < offset+shape")
    { Flag = "--shape", Unit = "voxels" };

    /// <summary>Channels to pair (required on the command line).</summary>
    public static ParameterSpec Channels { get; } = SharedParameters.Channels with
    {
        Required = true, DefaultText = null,
        Help = "Channels to pair, 0-based, e.g. 0,1,2", KeyHelp = "Channels to pair, 1-based (e.g. 1,2); empty = every channel of the image",
    };

    /// <summary>Experiment to read.</summary>
    public static ParameterSpec Experiment { get; } = SharedParameters.Experiment with
    {
        Help = "Experiment name", DefaultText = "the only experiment in the database",
        KeyHelp = "Experiment name; empty = the only experiment in the database",
    };

    /// <summary>Every parameter of the command, in the order of the help and the dialog.</summary>
    public static IReadOnlyList<ParameterSpec> All { get; } =
    [
        Database,
        Channels,
        RegionOffset,
        RegionShape,
        Experiment,
        SharedParameters.OutFolder with { Key = null, Help = "Output folder (created if missing) for the match CSVs (ids filled) and summary.json" },
    ];

    /// <summary>The region (offset, shape) the values give, or nulls for the whole image.</summary>
    /// <exception cref="ParameterException">Only one of the two, or a bad value.</exception>
    public static (Zyx? Offset, Zyx? Shape) Region(IParameterValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (o, s) = (values.Get(RegionOffset), values.Get(RegionShape));
        if ((o is null) != (s is null))
            throw o is null ? new ParameterException(RegionShape, "needs {0}", RegionOffset) : new ParameterException(RegionOffset, "needs {0}", RegionShape);
        return (o is null ? null : ParameterText.Vector(RegionOffset, o), s is null ? null : ParameterText.PositiveVector(RegionShape, s));
    }
}
