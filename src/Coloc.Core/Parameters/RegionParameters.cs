using Coloc.Core.Geometry;

namespace Coloc.Core.Parameters;

/// <summary>
/// Colocalization per atlas region (<c>coloc regions</c>, <c>coloc run --labels</c>): the parameters, declared once.
/// </summary>
public static class RegionParameters
{
    /// <summary>The match folder (matches_c&lt;a&gt;_c&lt;b&gt;.csv + summary.json of <c>coloc match</c>/<c>run</c>).</summary>
    public static ParameterSpec Matches { get; } = new("matches", ParameterKind.Folder,
        "Folder of matches_c<a>_c<b>.csv and summary.json from coloc match/run on the same blobs (mode and tolerance are read from its summary.json)")
    { Flag = "--matches", Required = true };

    /// <summary>The atlas labels image.</summary>
    public static ParameterSpec Labels { get; } = new("labels", ParameterKind.FileIn,
        "Atlas labels image at any resolution: TIFF, MetaImage (.mhd/.raw), NIfTI-1 (.nii, .nii.gz) or .npy; integer ids, negative = mirrored hemisphere")
    { Flag = "--labels", Key = "labels" };

    /// <summary>Full-resolution image shape (the blobs' grid).</summary>
    public static ParameterSpec ImageShape { get; } = new("image shape", ParameterKind.Vector,
        "Shape Z,Y,X of the image the blobs were detected in (labels scale = labels shape / this)")
    { Flag = "--image-shape", Unit = "voxels" };

    /// <summary>The image, for its shape (instead of <see cref="ImageShape"/>).</summary>
    public static ParameterSpec Image { get; } = SharedParameters.Image with
    {
        Required = false, Help = "The image the blobs were detected in (any image --image of detect reads), for its shape and calibration; instead of --image-shape",
    };

    /// <summary>Ontology JSON.</summary>
    public static ParameterSpec Ontology { get; } = new("ontology", ParameterKind.FileIn,
        "Atlas ontology JSON (Allen/MagellanMapper tree with children, or brainglobe structures.json) naming the regions")
    { Flag = "--ontology", Key = "ontology" };

    /// <summary>Ontology level to aggregate to.</summary>
    public static ParameterSpec Level { get; } = new("level", ParameterKind.Integer,
        "Aggregate to this ontology level: one row per region of level <= N, summing itself and its descendants (both sides); needs --ontology")
    { Flag = "--level", Key = "level", Minimum = 0, DefaultText = "labels as drawn" };

    /// <summary>Matching mode override.</summary>
    public static ParameterSpec Mode { get; } = MatchParameters.Mode with
    {
        Default = null, DefaultText = "from the matches' summary.json, else exact",
        Help = "Mode of the matches (and of the null model's rematching): exact or magmap",
    };

    /// <summary>Null model draws.</summary>
    public static ParameterSpec Permutations { get; } = new("permutations", ParameterKind.Integer,
        "Null model draws N (channel b redrawn uniformly in its region, rematched); p = (1 + #{null >= observed}) / (N + 1); 0 = no significance")
    { Flag = "--permutations", Key = "permutations", Minimum = 0, Default = "199" };

    /// <summary>Seed of the null model.</summary>
    public static ParameterSpec Seed { get; } = new("seed", ParameterKind.Integer,
        "Seed of the null model; the same seed gives the same numbers for any thread count")
    { Flag = "--seed", Key = "seed", Minimum = 0, Default = "1" };

    /// <summary>Largest radius of the L(r) curves.</summary>
    public static ParameterSpec LMaxUm { get; } = new("L(r) radius", ParameterKind.Text,
        "Largest radius of the per-region cross-K / L(r) curves (20 radii, in µm space) with the null draws' envelope, written to l_c<a>_c<b>.csv; 0 = no curves")
    { Flag = "--l-max-um", Key = "l_max_um", Unit = "µm", DefaultText = "2 × the largest tolerance axis in µm" };

    /// <summary>
    /// The L(r) radius given by <paramref name="values"/> (µm, ≥ 0), else 2 × the largest axis of
    /// <paramref name="tolUm"/>.
    /// </summary>
    /// <exception cref="ParameterException">Not a finite number ≥ 0.</exception>
    public static double LMaxRadiusUm(IParameterValues values, Zyx tolUm)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Get(LMaxUm) is not { } text) return 2 * tolUm.Max;
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double r)
            || !double.IsFinite(r) || r < 0)
            throw new ParameterException(LMaxUm, $"must be a distance in µm >= 0, got '{text}'");
        return r;
    }

    /// <summary>Fiji's value of <see cref="FijiLabels"/> that takes the regions from the ROI Manager.</summary>
    public const string RoiManager = "ROI Manager";

    /// <summary>Fiji's labels: an open image by title, or the ROI Manager's ROIs rasterised at the image's resolution.</summary>
    public static ParameterSpec FijiLabels { get; } = Labels with
    {
        Kind = ParameterKind.Text, KeyDefault = RoiManager, KeySuggestions = [RoiManager], KeyLabel = "Labels (image or ROIs)",
        KeyHelp = "The regions: an open labels image (its title; 8- or 16-bit, or 32-bit holding whole numbers; one channel; at the image's resolution or lower) or ROI Manager: every area ROI, by name (ROIs of one name on several slices form one 3D region; a ROI without a slice position spans every slice; later ROIs win where they overlap), ids 1, 2, ... in the order of first appearance",
    };

    /// <summary>Every key of Fiji's Coloc Regions, in the order of its dialog.</summary>
    public static IReadOnlyList<ParameterSpec> Dialog { get; } =
    [
        FijiLabels,
        SharedParameters.Blobs with
        {
            KeyHelp = SharedParameters.Blobs.KeyHelp + "; empty = detect blobs on the image first (Detect Blobs with this profile and these channels)",
        },
        Matches with
        {
            Key = "matches", Required = false, KeyLabel = "Matches folder",
            KeyHelp = "Folder of matches_c<a>_c<b>.csv and summary.json of Match Blobs or coloc match on the same blobs (its mode must be the mode below); empty = match here with the mode, tolerance and channels below",
        },
        Ontology,
        Level with { KeyHelp = "Aggregate to this ontology level (a region plus its descendants, both sides); empty = labels as drawn; needs the ontology" },
        Mode with { KeyDefault = "exact", KeyHelp = "Mode of the matching and of the null model's rematching: exact or magmap" },
        SharedParameters.Profile,
        SharedParameters.Tolerance,
        SharedParameters.ToleranceUnit,
        SharedParameters.Channels with { KeyHelp = "Channels whose pairs to count, 1-based as in ImageJ (e.g. 1,2); empty = every channel that has blobs" },
        Permutations,
        Seed,
        LMaxUm with { Key = "radius", KeyLabel = "Radius of the L(r) curves", KeyHelp = "Largest radius of the per-region L(r) curves (20 radii) with the null draws' envelope; empty = 2 × the largest tolerance axis; 0 = no curves" },
        SharedParameters.OutFolder with
        {
            KeyHelp = "Folder for regions.csv, heat_c<k>.tif, heat_match_c<a>_c<b>.tif, l_c<a>_c<b>.csv and summary.json as coloc regions writes them (0-based channels in names); empty = none",
        },
    ];

    /// <summary>Every parameter of <c>coloc regions</c>, in the order of the help.</summary>
    public static IReadOnlyList<ParameterSpec> All { get; } =
    [
        SharedParameters.Blobs,
        Matches,
        Labels with { Required = true },
        ImageShape,
        Image,
        Ontology,
        Level,
        SharedParameters.Tolerance with { DefaultText = "from the matches' summary.json, else the profile" },
        SharedParameters.ToleranceUm,
        Mode,
        Permutations,
        Seed,
        LMaxUm,
        SharedParameters.Channels with { Help = "Channels whose pairs to count, 0-based, e.g. 0,2" },
        SharedParameters.Resolution with { DefaultText = "from --image, else 1,1,1" },
        SharedParameters.Profile,
        SharedParameters.OutFolder with { Help = "Output folder for regions.csv, heat_c<k>.tif, heat_match_c<a>_c<b>.tif, l_c<a>_c<b>.csv, summary.json; written all-or-nothing" },
        SharedParameters.Threads,
    ];
}
