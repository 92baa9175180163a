namespace Coloc.Core.Parameters;

/// <summary>
/// Parameters several commands share, declared once so they mean the same everywhere; a command may only adjust the
/// help wording of its own use (<c>with { Help = … }</c>), never the meaning.
/// </summary>
public static class SharedParameters
{
    /// <summary>What an image input may be, for the help of every <c>--image</c>.</summary>
    public const string ImageFormats =
        "a TIFF (ImageJ hyperstack, OME-TIFF, multi-page, BigTIFF), a folder of 2-D TIFF planes, one file per z in natural order ('dir/ch{c}' or 'dir/*_C{c}_*.tif': one folder or file group per channel), an Imaris .ims or a BigDataViewer .h5/.xml (resolution level 0); 8/16/32-bit integer or 32-bit float";

    /// <summary>The image (file, plane folder or channel pattern on the command line).</summary>
    public static ParameterSpec Image { get; } = new("image", ParameterKind.FileIn,
        "Image: " + ImageFormats + "; channels and voxel size from the file")
    { Flag = "--image", Required = true };

    /// <summary>The blob table.</summary>
    public static ParameterSpec Blobs { get; } = new("blobs", ParameterKind.FileIn,
        "Blob CSV: header with at least z,y,x,radius,confirmed,truth,channel (other columns ignored), voxels, channel 0-based")
    {
        Flag = "--blobs", Key = "blobs", Required = true, KeyLabel = "Blobs file",
        KeyHelp = "Blob CSV in MagellanMapper's format (z,y,x,radius,confirmed,truth,channel; voxels; channel 0-based)",
    };

    /// <summary>Output folder of a result (created if missing; written all-or-nothing).</summary>
    public static ParameterSpec OutFolder { get; } = new("output", ParameterKind.Folder,
        "Output folder, created if missing; written all-or-nothing")
    { Flag = "--out", Key = "output", Required = true, KeyLabel = "Output folder" };

    /// <summary>Output file of a result.</summary>
    public static ParameterSpec OutFile { get; } = new("output", ParameterKind.FileOut, "Output file")
    { Flag = "--out", Key = "output", Required = true, KeyLabel = "Output file" };

    /// <summary>Worker threads: the only check (≥ 1) lives here.</summary>
    public static ParameterSpec Threads { get; } = new("threads", ParameterKind.Integer, "Worker threads (at most 1024); never changes the result")
    { Flag = "--threads", Minimum = 1, Maximum = MaxThreads, DefaultText = "all cores" };

    /// <summary>Most worker threads (1,024): more cannot help and would only exhaust memory.</summary>
    public const int MaxThreads = 1024;

    /// <summary>Channels taking part (0-based on the command line, 1-based in Fiji).</summary>
    public static ParameterSpec Channels { get; } = new("channels", ParameterKind.Channels, "Channels to pair, 0-based, e.g. 0,2")
    {
        Flag = "--channels", Key = "channels", DefaultText = "all", KeyUnit = "1-based", KeyLabel = "Channels",
    };

    /// <summary>ROI profiles on top of <c>default</c>.</summary>
    public static ParameterSpec Profile { get; } = new("profile", ParameterKind.Text,
        "MagellanMapper ROI profiles, comma-separated, applied left to right on top of default (default, lightsheet, lowres, 2p20x, minpreproc, cytoplasm, zebrafish, 4xnuc, binary, 20x, exportdl, downiso, spawn)")
    {
        Flag = "--profile", Key = "profile", Default = "default", KeyLabel = "Profile (ROI settings)",
        KeySuggestions = [.. Coloc.Core.Profiles.RoiProfiles.Names],
        KeyHelp = "ROI profiles applied left to right on top of default, comma-separated (e.g. default,lightsheet)",
    };

    /// <summary>Explicit profile settings on top of the profiles.</summary>
    public static ParameterSpec ProfileSet { get; } = new("profile setting", ParameterKind.Text,
        "Profile setting KEY=VALUE on top of the profiles, repeatable, with MagellanMapper's keys, e.g. segment_size=300, verify_tol_factor=3,1.2,1.2, isotropic=none")
    { Flag = "--profile-set", Repeatable = true };

    /// <summary>Match tolerance in voxels (Fiji: in the unit of <see cref="ToleranceUnit"/>).</summary>
    public static ParameterSpec Tolerance { get; } = new("tolerance", ParameterKind.Vector,
        "Match tolerance Z,Y,X in voxels; a pair matches iff Σ((Δ/tol)²) < 1")
    {
        Flag = "--tol", Key = "tolerance", Unit = "voxels", DefaultText = "profile", KeyUnit = "z,y,x", KeyLabel = "Tolerance",
        KeyHelp = "Match tolerance z,y,x in the unit below; empty = from the profile (magmap stack runs always use the profile's)",
    };

    /// <summary>Match tolerance in µm, converted with the resolution in effect.</summary>
    public static ParameterSpec ToleranceUm { get; } = new("tolerance in µm", ParameterKind.Vector,
        "Match tolerance Z,Y,X in µm, converted to voxels with the resolution in effect (see resolution)")
    { Flag = "--tol-um", Unit = "µm" };

    /// <summary>Fiji's unit of <see cref="Tolerance"/>.</summary>
    public static ParameterSpec ToleranceUnit { get; } = new("unit", ParameterKind.Choice,
        "Unit of the tolerance: micron (converted with the image calibration) or pixel (voxels)")
    { Key = "unit", Default = "micron", Choices = ["micron", "pixel"], KeyLabel = "Unit of the tolerance" };

    /// <summary>
    /// Voxel size. The resolution in effect is this one when given, else the image file's calibration; a command
    /// without an image (<c>match</c>) uses 1,1,1 and needs it given explicitly to convert a tolerance in µm.
    /// </summary>
    public static ParameterSpec Resolution { get; } = new("resolution", ParameterKind.Vector,
        "Voxel size Z,Y,X; the resolution in effect is this one when given, else the image file's")
    { Flag = "--resolution", Unit = "µm/voxel", DefaultText = "from the image file" };

    /// <summary>The results database (SQLite, MagellanMapper's schema).</summary>
    public static ParameterSpec Database { get; } = new("database", ParameterKind.FileOut,
        "Also store the matches in this MagellanMapper results database (SQLite, created if missing); the CSVs then carry the ids")
    {
        Flag = "--db", Key = "database", KeyLabel = "Database file (SQLite)",
        KeyHelp = "SQLite results database to add the matches to (MagellanMapper's schema, created if missing); empty = none",
    };

    /// <summary>Experiment name in the database; default <see cref="ExperimentName.Of"/> of the primary input.</summary>
    public static ParameterSpec Experiment { get; } = new("experiment", ParameterKind.Text,
        "Experiment name in the database")
    {
        Flag = "--exp-name", Key = "experiment", DefaultText = ExperimentName.Rule, KeyLabel = "Experiment name",
        KeyHelp = "Experiment name in the database; empty = " + ExperimentName.Rule,
    };

    /// <summary>
    /// Work blocks: how a command divides the stack into units of work (detection reads each block with its halo;
    /// exact matching divides its candidate search). One meaning everywhere; it never changes the result.
    /// </summary>
    public static ParameterSpec BlockSize { get; } = new("block size", ParameterKind.Vector,
        "Work block Z,Y,X: the stack is processed in blocks of this size; never changes the result")
    { Flag = "--block-size", Unit = "voxels" };
}
