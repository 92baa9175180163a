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

    /// <summary>Work blocks of detection.</summary>
    public static ParameterSpec BlockSize { get; } = SharedParameters.BlockSize with
    {
        DefaultText = "whole image unless a plane exceeds 1024×1024, then the profile's segment_size grid",
    };

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
    ];

    /// <summary>The detection options <paramref name="values"/> describe (threads default to <paramref name="defaultThreads"/>).</summary>
    /// <exception cref="ParameterException">A value is malformed; it names the parameter.</exception>
    public static DetectionOptions Options(IParameterValues values, int defaultThreads)
    {
        ArgumentNullException.ThrowIfNull(values);
        var names = values.Texts(Profile) is { Count: > 0 } given ? given : [values.Get(Profile) ?? "default"];
        var settings = values.Texts(SharedParameters.ProfileSet);
        return new DetectionOptions
        {
            Profiles = names.Select(n => ProfileParameters.Resolve(n, settings)).ToArray(),
            Channels = values.Channels(SharedParameters.Channels),
            Threads = values.Integer(SharedParameters.Threads, defaultThreads),
            BlockShapeVoxels = values.PositiveShape(BlockSize),
            MagellanMapperPruneOrder = values.Choice(PruneOrder) == "magmap",
        };
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
