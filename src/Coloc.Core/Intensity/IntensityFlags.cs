using Coloc.Core.Blobs;

namespace Coloc.Core.Intensity;

/// <summary>
/// Whole-image intensity colocalization from per-blob neighbourhood means (<see cref="NeighbourhoodMeans"/>),
/// MagellanMapper's threshold "min" (the smallest own-channel mean of the channel's blobs) taken over the whole image
/// rather than per detection block (README, Differences from MagellanMapper, D16).
/// </summary>
/// <param name="ThresholdPerChannel">Threshold of channel c = the smallest own-channel mean of its blobs; NaN if any of them is NaN; null when the channel has no blob.</param>
/// <param name="Flags">Row-major, blobs × C: 1 when the blob's mean in channel c2 is ≥ c2's threshold (c2 having blobs), else 0.</param>
/// <param name="ChannelCount">C, the number of image channels.</param>
public sealed record IntensityFlags(double?[] ThresholdPerChannel, byte[] Flags, int ChannelCount)
{
    /// <summary>Computes thresholds and flags.</summary>
    /// <param name="blobs">The blobs (any order; flags follow it).</param>
    /// <param name="means">Row-major blobs × <paramref name="channelCount"/> neighbourhood means.</param>
    /// <param name="channelCount">Number of image channels C (≥ 1); blob channels must be below it.</param>
    public static IntensityFlags Of(IReadOnlyList<Blob> blobs, double[] means, int channelCount)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(means);
        if (channelCount < 1) throw new ArgumentOutOfRangeException(nameof(channelCount), channelCount, "need at least one channel");
        if (means.Length != blobs.Count * channelCount)
            throw new ArgumentException($"{means.Length} means for {blobs.Count} blobs × {channelCount} channels", nameof(means));
        var thresh = new double?[channelCount];
        for (int i = 0; i < blobs.Count; i++)
        {
            int c = (int)blobs[i].Channel;
            if ((uint)c >= (uint)channelCount)
                throw new ArgumentException($"blob {i} has channel {c}, the image has {channelCount}", nameof(blobs));
            double m = means[i * channelCount + c];
            // np.min propagates NaN.
            thresh[c] = thresh[c] is not { } t ? m : double.IsNaN(t) || double.IsNaN(m) ? double.NaN : Math.Min(t, m);
        }
        var flags = new byte[means.Length];
        for (int i = 0; i < blobs.Count; i++)
            for (int c2 = 0; c2 < channelCount; c2++)
                if (thresh[c2] is { } t2 && means[i * channelCount + c2] >= t2) flags[i * channelCount + c2] = 1;
        return new IntensityFlags(thresh, flags, channelCount);
    }

    /// <summary>The flag of blob <paramref name="blob"/> for channel <paramref name="channel"/> (0 or 1).</summary>
    public byte this[int blob, int channel] => Flags[blob * ChannelCount + channel];
}
