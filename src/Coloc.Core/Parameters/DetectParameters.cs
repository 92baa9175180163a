using Coloc.Core.Detection;
using Coloc.Core.Geometry;
using Coloc.Core.Profiles;

namespace Coloc.Core.Parameters;

/// <summary>Blob detection (<c>coloc detect</c>, Fiji's Detect Blobs): the parameters and the one options builder.</summary>
public static class DetectParameters
{
    /// <summary>ROI profiles; on the command line several values give one profile per channel.</summary>
    public static ParameterSpec Profile { get; } = SharedParameters.Profile with
    {
        Several = true,
        Help = SharedParameters.Profile.Help + "; several values = one per channel (channel i uses value i, or the first), as MagellanMapper's --roi_profile",
        KeyHelp = "ROI profiles on top of default (sigma factors in µm, number of sigmas, threshold, overlap, isotropy), e.g. lightsheet",
    };

    /// <summary>Order in which overlapping peaks are pruned.</summary>
    public static ParameterSpec PruneOrder { get; } = new("prune order", ParameterKind.Choice,
        "Order in which overlapping peak pairs are pruned: canonical (by decreasing response) or magmap (CPython's set order as MagellanMapper, exact up to 16 peaks per channel)")
    { Flag = "--prune-order", Default = "canonical", Choices = ["canonical", "magmap"] };

    /// <summary>How the LoG stack is computed (<see cref="DetectionMode"/>).</summary>
    public static ParameterSpec DetectMode { get; } = new("detect mode", ParameterKind.Choice,
        "How the LoG responses are computed: exact (double precision as scipy, MagellanMapper's responses to 1e-12 and so its blobs) or fast (float32 with fused multiply-add: faster, >= 99 % of blobs within 1 voxel of exact)")
    { Flag = "--detect-mode", Default = "exact", Choices = ["exact", "fast"] };

    /// <summary>Work blocks of detection.</summary>
    public static ParameterSpec BlockSize { get; } = SharedParameters.BlockSize with
    {
        DefaultText = "whole image unless a plane exceeds 1024×1024, then the profile's segment_size grid",
    };

    /// <summary>Smallest spot diameter (Fiji): sets <c>min_sigma_factor</c> of every profile to d / (2√3) (a blob's radius is σ·√3).</summary>
    public static ParameterSpec MinDiameter { get; } = new("min diameter", ParameterKind.Text,
        "Smallest spot diameter to detect, in µm along x: sets the profiles' min_sigma_factor to d/(2·√3) (radius = σ·√3); empty = the profile's (default: 10.4 µm)")
    { Key = "min_diameter", Unit = "µm", KeyLabel = "Min_diameter" };

    /// <summary>Largest spot diameter (Fiji): sets <c>max_sigma_factor</c> of every profile to d / (2√3).</summary>
    public static ParameterSpec MaxDiameter { get; } = new("max diameter", ParameterKind.Text,
        "Largest spot diameter to detect, in µm along x: sets the profiles' max_sigma_factor to d/(2·√3); empty = the profile's (default: 17.3 µm)")
    { Key = "max_diameter", Unit = "µm", KeyLabel = "Max_diameter" };

    /// <summary>Detection threshold (Fiji): sets <c>detection_threshold</c> of every profile.</summary>
    public static ParameterSpec Threshold { get; } = new("threshold", ParameterKind.Text,
        "Smallest quality kept: the scale-normalised LoG response of a spot (pixels scaled to 0..1 as img_as_float; the Quality column); lower finds dimmer spots; empty = the profile's (default: 0.1)")
    { Key = "threshold", KeyLabel = "Threshold (quality)" };

    /// <summary>Every parameter of the command, in the order of the help and the dialog.</summary>
    public static IReadOnlyList<ParameterSpec> All { get; } =
    [
        SharedParameters.Image,
        Profile,
        SharedParameters.ProfileSet,
        SharedParameters.Channels with
        {
            Help = "Channels to detect, 0-based, e.g. 0,2", KeyHelp = "Channels to detect, 1-based (e.g. 1,2); empty = all",
        },
        MinDiameter,
        MaxDiameter,
        Threshold,
        SharedParameters.Resolution,
        SharedParameters.OutFile with
        {
            Help = "Blob CSV to write (z,y,x,radius,confirmed,truth,channel; the input of match)",
            KeyHelp = "Blob CSV to write (z,y,x,radius,confirmed,truth,channel; the input of Match Blobs); empty = none",
            KeyLabel = "Output blob file",
        },
        SharedParameters.Threads,
        BlockSize,
        PruneOrder,
        DetectMode,
    ];

    /// <summary>The detection options <paramref name="values"/> describe (threads default to <paramref name="defaultThreads"/>).</summary>
    /// <exception cref="ParameterException">A value is malformed; it names the parameter.</exception>
    public static DetectionOptions Options(IParameterValues values, int defaultThreads)
    {
        ArgumentNullException.ThrowIfNull(values);
        var names = values.Texts(Profile) is { Count: > 0 } given ? given : [values.Get(Profile) ?? "default"];
        var settings = values.Texts(SharedParameters.ProfileSet);
        double? dMin = Positive(values, MinDiameter), dMax = Positive(values, MaxDiameter), threshold = Positive(values, Threshold);
        if (dMin is { } lo && dMax is { } hi && lo > hi)
            throw new ParameterException(MinDiameter, $"{lo} µm is larger than the {{0}} ({hi} µm)", MaxDiameter);
        double toSigma = 1 / (2 * Math.Sqrt(3));
        return new DetectionOptions
        {
            Profiles = names.Select(n => ProfileParameters.Resolve(n, settings)).Select(p => p with
            {
                MinSigmaFactor = dMin * toSigma ?? p.MinSigmaFactor,
                MaxSigmaFactor = dMax * toSigma ?? p.MaxSigmaFactor,
                DetectionThreshold = threshold ?? p.DetectionThreshold,
            }).ToArray(),
            Channels = values.Channels(SharedParameters.Channels),
            Threads = values.Integer(SharedParameters.Threads, defaultThreads),
            BlockShapeVoxels = values.PositiveShape(BlockSize),
            MagellanMapperPruneOrder = values.Choice(PruneOrder) == "magmap",
            Mode = values.Choice(DetectMode) == "fast" ? Detection.DetectionMode.Fast : Detection.DetectionMode.Exact,
        };
    }

    private static double? Positive(IParameterValues values, ParameterSpec p)
    {
        if (values.Get(p) is not { } s) return null;
        if (!double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v) || v <= 0)
            throw new ParameterException(p, $"'{s.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)}' is not a number > 0");
        return v;
    }

    /// <summary>Checks the channels against an image of <paramref name="channelCount"/> channels (<paramref name="channelBase"/> as the user counts).</summary>
    /// <exception cref="ParameterException">A channel the image does not have.</exception>
    public static void CheckChannels(DetectionOptions options, int channelCount, int channelBase)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (int c in options.Channels ?? [])
            if (c >= channelCount)
                throw new ParameterException(SharedParameters.Channels, $"the image has {channelCount} channel(s), no channel {c + channelBase}");
    }

    /// <summary>The resolution in effect: the parameter when given, else the image's.</summary>
    public static Zyx Resolution(IParameterValues values, Zyx imageResolutionUm)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.PositiveVector(SharedParameters.Resolution) ?? imageResolutionUm;
    }

    /// <summary>Planes larger than this (y·x voxels) are detected block by block unless a block size is given.</summary>
    public const long WholeImageMaxPlaneVoxels = 1024L * 1024;

    /// <summary>Whether detection runs block by block: a block size is given, or a plane exceeds <see cref="WholeImageMaxPlaneVoxels"/>.</summary>
    public static bool InBlocks(DetectionOptions options, ZyxInt shape)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.BlockShapeVoxels is not null || (long)shape.Y * shape.X > WholeImageMaxPlaneVoxels;
    }

    /// <summary>The profiles resolved from text (for fronts that take them from elsewhere).</summary>
    public static RoiProfile ProfileOf(string names) => ProfileParameters.Resolve(names, []);
}
