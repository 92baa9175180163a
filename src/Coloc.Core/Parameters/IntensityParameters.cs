using Coloc.Core.Intensity;

namespace Coloc.Core.Parameters;

/// <summary>Intensity colocalization (<c>coloc intensity</c>, Fiji's Intensity Colocalize): the parameters and the one options builder.</summary>
public static class IntensityParameters
{
    /// <summary>The per-channel threshold rule.</summary>
    public static ParameterSpec Threshold { get; } = new("threshold", ParameterKind.Text,
        "min (MagellanMapper's rule: smallest mean over the channel's blob regions) or a percentile P in [0, 100] of the channel over its blob regions")
    { Flag = "--thresh", Key = "threshold", Default = "min", KeyLabel = "Threshold rule", KeySuggestions = ["min", "25", "50", "75", "90", "95", "99"] };

    /// <summary>Optional diagnostics table.</summary>
    public static ParameterSpec Diagnostics { get; } = new("diagnostics", ParameterKind.FileOut,
        "Also write blob_index,blob_channel,other_channel,mean_intensity_in_other,threshold_of_other (version 1), one row per compared (blob, other channel), ordered by blob channel, other channel, blob index")
    { Flag = "--diagnostics" };

    /// <summary>Time point of a hyperstack.</summary>
    public static ParameterSpec Frame { get; } = new("frame", ParameterKind.Integer, "Time point of a hyperstack, 0-based")
    { Flag = "--frame", Default = "0", Minimum = 0 };

    /// <summary>Every parameter of the command, in the order of the help and the dialog.</summary>
    public static IReadOnlyList<ParameterSpec> All { get; } =
    [
        SharedParameters.Image with { Help = "Image: " + SharedParameters.ImageFormats + "; the blobs' coordinates are voxels relative to it" },
        SharedParameters.Blobs with { KeyHelp = "Blob CSV in MagellanMapper's format (voxels relative to the image; channel 0-based); empty = detect blobs on the image first (Detect Blobs, default profile)" },
        Threshold,
        SharedParameters.Channels with { Key = null, Help = "Channels that take part, 0-based, e.g. 0,2; other channels' blobs and columns are 0" },
        SharedParameters.OutFile with
        {
            Help = "Flags CSV blob_index,in_roi,c0,c1,… (format version 1): one row per input blob in input order, 0/1",
            KeyHelp = "CSV of per-blob flags (blob_index,in_roi,c0,c1,...; 0-based channels); empty = none",
            KeyLabel = "Output flags file",
        },
        Diagnostics,
        Frame,
        SharedParameters.Threads with { Help = "Worker threads (at most one per channel); never changes the result" },
    ];

    /// <summary>The options <paramref name="values"/> describe (threads default to <paramref name="defaultThreads"/>).</summary>
    /// <exception cref="ParameterException">A value is malformed; it names the parameter.</exception>
    public static IntensityColocOptions Options(IParameterValues values, int defaultThreads)
    {
        ArgumentNullException.ThrowIfNull(values);
        IntensityThreshold rule;
        try
        {
            rule = IntensityThreshold.Parse(values.Get(Threshold) ?? "min");
        }
        catch (FormatException e)
        {
            throw new ParameterException(Threshold, e.Message);
        }
        return new IntensityColocOptions
        {
            Threshold = rule,
            Channels = values.Channels(SharedParameters.Channels),
            Threads = values.Integer(SharedParameters.Threads, defaultThreads),
        };
    }
}
