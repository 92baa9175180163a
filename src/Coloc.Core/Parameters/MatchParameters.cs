using Coloc.Core.Matching;
using Coloc.Core.Geometry;

namespace Coloc.Core.Parameters;

/// <summary>
/// Match colocalization (<c>coloc match</c>, Fiji's Match Blobs): the parameters, declared once, and the one request
/// builder both fronts use.
/// </summary>
public static class MatchParameters
{
    /// <summary>Matching mode.</summary>
    public static ParameterSpec Mode { get; } = new("mode", ParameterKind.Choice,
        "exact: largest optimal one-to-one matching; magmap: MagellanMapper 1.7's result, row for row")
    { Flag = "--mode", Key = "mode", Default = "exact", Choices = ["exact", "magmap"], KeyLabel = "Mode of matching" };

    /// <summary>ROI offset (one-ROI run).</summary>
    public static ParameterSpec RoiOffset { get; } = new("ROI offset", ParameterKind.Vector,
        "One-ROI run: ROI offset Z,Y,X; the ROI is offset <= zyx < offset+size")
    { Flag = "--roi-offset", Unit = "voxels" };

    /// <summary>ROI size (one-ROI run).</summary>
    public static ParameterSpec RoiSize { get; } = new("ROI size", ParameterKind.Vector, "One-ROI run: ROI size Z,Y,X")
    { Flag = "--roi-size", Unit = "voxels" };

    /// <summary>Inner padding of magmap ROI runs.</summary>
    public static ParameterSpec InnerPadding { get; } = new("inner padding", ParameterKind.Vector,
        "Magmap ROI runs: padding Z,Y,X of the inner region (MagellanMapper's two-pass matching)")
    { Flag = "--inner-padding", Unit = "voxels", DefaultText = "floor(tol)" };

    /// <summary>Stack shape (whole-stack run; in Fiji the image's).</summary>
    public static ParameterSpec Shape { get; } = new("shape", ParameterKind.Vector, "Whole-stack run: stack shape Z,Y,X")
    { Flag = "--shape", Unit = "voxels" };

    /// <summary><c>coloc match</c>'s resolution: there is no image, so it is 1,1,1 unless given.</summary>
    public static ParameterSpec Resolution { get; } = SharedParameters.Resolution with
    {
        Help = "Voxel size Z,Y,X; sets block size and tolerance with the profile; needed to convert a tolerance in µm (there is no image here)",
        DefaultText = null, Default = "1,1,1",
    };

    /// <summary>Out-of-core exact matching (command line only): <c>auto</c>, <c>on</c> or <c>off</c>.</summary>
    public static ParameterSpec OutOfCore { get; } = new("out of core", ParameterKind.Choice,
        "Exact runs: match slab by slab (along z, or along y or x when z slabs would be under four tolerances thick) from temporary files next to the output folder (same bytes, memory bounded by the slab memory; not with a database); auto: when the in-memory run would need more than the slab memory")
    { Flag = "--out-of-core", Default = "auto", Choices = ["auto", "on", "off"] };

    /// <summary>Memory budget of an exact run, MiB (command line only).</summary>
    public static ParameterSpec SlabMemory { get; } = new("slab memory", ParameterKind.Integer,
        "Exact runs: memory budget; above it (planned from the blob file's size) the run goes out of core, in slabs sized to it")
    { Flag = "--slab-memory", Unit = "MiB", Default = "2048", Minimum = 64 };

    /// <summary>Every parameter of the command, in the order of the help and the dialog.</summary>
    public static IReadOnlyList<ParameterSpec> All { get; } =
    [
        SharedParameters.Blobs with
        {
            KeyHelp = SharedParameters.Blobs.KeyHelp + "; empty = detect blobs on the image first (Detect Blobs with this profile and these channels)",
        },
        Mode,
        SharedParameters.Profile,
        SharedParameters.ProfileSet,
        SharedParameters.Tolerance,
        SharedParameters.ToleranceUm,
        SharedParameters.ToleranceUnit,
        RoiOffset,
        RoiSize,
        InnerPadding,
        SharedParameters.Channels with
        {
            KeyHelp = "Channels to pair, 1-based as in ImageJ (e.g. 1,2); empty = every channel that has blobs",
        },
        Shape,
        Resolution,
        SharedParameters.OutFolder with
        {
            KeyHelp = "Folder for matches_c<a>_c<b>.csv and summary.json (0-based channels in file names, as MagellanMapper); empty = none",
        },
        SharedParameters.Database,
        SharedParameters.Experiment,
        SharedParameters.Threads,
        SharedParameters.BlockSize with { DefaultText = "engine's", Help = SharedParameters.BlockSize.Help + " (exact runs: blocks that divide the candidate search; components stay global)" },
        OutOfCore,
        SlabMemory,
    ];

    /// <summary>
    /// The match request <paramref name="values"/> describe. On a front with an image, <paramref name="imageShape"/> and
    /// <paramref name="imageResolutionUm"/> are its shape and calibration; the resolution in effect is the
    /// resolution parameter when given, else the image's, else 1,1,1 — and a tolerance in µm needs one of the first two.
    /// </summary>
    /// <exception cref="ParameterException">A value is malformed or inconsistent; it names the parameter.</exception>
    public static MatchRequest Request(IParameterValues values, ZyxInt? imageShape = null, Zyx? imageResolutionUm = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var mode = values.Choice(Mode) == "magmap" ? MatchMode.Magmap : MatchMode.Exact;
        var roi = Roi(values);
        var shape = values.PositiveShape(Shape) ?? (roi is null ? imageShape : null);
        if (roi is null && shape is null)
            throw new ParameterException(Shape, "give {0} and {1} (one ROI) or a stack shape (whole stack)", RoiOffset, RoiSize);
        if (roi is not null && values.Given(Shape))
            throw new ParameterException(Shape, "not with {0}/{1} (choose one ROI or the whole stack)", RoiOffset, RoiSize);
        var tol = values.PositiveVector(SharedParameters.Tolerance);
        bool micron = values.Get(SharedParameters.ToleranceUnit) == "micron";
        var tolUm = values.PositiveVector(SharedParameters.ToleranceUm);
        if (tolUm is not null && tol is not null)
            throw new ParameterException(SharedParameters.ToleranceUm, "not with {0} (give the tolerance in voxels or in µm)", SharedParameters.Tolerance);
        if (micron) (tol, tolUm) = (null, tol);
        var given = values.Given(Resolution) ? values.PositiveVector(Resolution) : null;
        if (tolUm is not null && given is null && imageResolutionUm is null)
            throw new ParameterException(values.Given(SharedParameters.ToleranceUm) ? SharedParameters.ToleranceUm : SharedParameters.Tolerance,
                "needs {0} (µm per voxel, z,y,x)", Resolution);
        var request = new MatchRequest
        {
            Mode = mode,
            Roi = roi,
            ShapeVoxels = shape,
            TolVoxels = tol,
            TolUm = tolUm,
            InnerPaddingVoxels = values.NonNegativeVector(InnerPadding),
            Channels = values.Channels(SharedParameters.Channels),
            ResolutionUm = given ?? imageResolutionUm ?? values.PositiveVector(Resolution) ?? Zyx.All(1),
            Profile = ProfileParameters.Of(values),
            Threads = values.Integer(SharedParameters.Threads, Environment.ProcessorCount),
            BlockSizeVoxels = values.PositiveShape(SharedParameters.BlockSize),
        };
        MatchEngine.Validate(request);
        return request;
    }

    /// <summary>
    /// The experiment name to store under, or null when no database is given: the experiment parameter, else
    /// <see cref="ExperimentName.Of"/> the primary input (<paramref name="primaryInput"/>, null when there is none).
    /// </summary>
    /// <exception cref="ParameterException">An experiment without a database, or no name can be found.</exception>
    public static string? Experiment(IParameterValues values, string? primaryInput)
    {
        ArgumentNullException.ThrowIfNull(values);
        string? exp = values.Get(SharedParameters.Experiment);
        if (values.Get(SharedParameters.Database) is null)
            return exp is null ? null : throw new ParameterException(SharedParameters.Experiment, "needs {0}", SharedParameters.Database);
        if (exp is not null) return exp;
        if (primaryInput is null || ExperimentName.Of(primaryInput).Trim().Length == 0)
            throw new ParameterException(SharedParameters.Experiment, "a name is needed with {0} (there is no input to name it after)", SharedParameters.Database);
        return ExperimentName.Of(primaryInput);
    }

    private static Box? Roi(IParameterValues values)
    {
        var (offset, size) = (values.Get(RoiOffset), values.Get(RoiSize));
        if (offset is null && size is null) return null;
        if (offset is null) throw new ParameterException(RoiSize, "needs {0}", RoiOffset);
        if (size is null) throw new ParameterException(RoiOffset, "needs {0}", RoiSize);
        return new Box(ParameterText.Vector(RoiOffset, offset), ParameterText.PositiveVector(RoiSize, size));
    }
}
