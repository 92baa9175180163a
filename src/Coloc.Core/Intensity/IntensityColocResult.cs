namespace Coloc.Core.Intensity;

/// <summary>
/// Result of <see cref="IntensityColocalizer"/>: per input blob, whether it lies in the image and a 0/1 flag per
/// image channel (MagellanMapper's uint8 matrix); the threshold of each channel; the diagnostics.
/// </summary>
public sealed class IntensityColocResult
{
    private readonly byte[] _flags;

    internal IntensityColocResult(int channels, bool[] inRoi, byte[] flags, double?[] thresholds, IntensityDiagnostic[] diagnostics)
    {
        ImageChannels = channels;
        InRoi = inRoi;
        _flags = flags;
        Thresholds = thresholds;
        Diagnostics = diagnostics;
    }

    /// <summary>Number of image channels (columns of the flag matrix).</summary>
    public int ImageChannels { get; }

    /// <summary>Number of input blobs (rows).</summary>
    public int Count => InRoi.Count;

    /// <summary>Per input blob: 0 ≤ z &lt; Z, 0 ≤ y &lt; Y and 0 ≤ x &lt; X (blobs outside get all-zero flags).</summary>
    public IReadOnlyList<bool> InRoi { get; }

    /// <summary>1 if blob <paramref name="blob"/> is bright in <paramref name="channel"/> (mean ≥ threshold), else 0.</summary>
    public byte Flag(int blob, int channel)
    {
        if ((uint)channel >= (uint)ImageChannels) throw new ArgumentOutOfRangeException(nameof(channel), channel, $"channel must be in [0, {ImageChannels})");
        return _flags[checked(blob * ImageChannels + channel)];
    }

    /// <summary>Threshold per image channel; null for channels without (participating, in-image) blobs. May be NaN ("min" with an empty region).</summary>
    public IReadOnlyList<double?> Thresholds { get; }

    /// <summary>One row per compared (blob, other channel), ordered by blob channel, other channel, blob index.</summary>
    public IReadOnlyList<IntensityDiagnostic> Diagnostics { get; }

    /// <summary>Number of 1 flags in each channel's column.</summary>
    public int[] OnesPerChannel()
    {
        var r = new int[ImageChannels];
        for (int i = 0; i < _flags.Length; i++) r[i % ImageChannels] += _flags[i];
        return r;
    }
}
