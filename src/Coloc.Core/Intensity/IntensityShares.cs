using Coloc.Core.Blobs;

namespace Coloc.Core.Intensity;

/// <summary>The summary of an intensity colocalization: the % of each channel's blobs positive for each other channel.</summary>
public static class IntensityShares
{
    /// <summary>
    /// One row per ordered pair of distinct image channels (blob channel ascending, then other channel): the blobs of
    /// the first channel that lie in the image and how many of them are flagged 1 in the second.
    /// </summary>
    /// <param name="result">The flags of <paramref name="blobs"/>, in the same order.</param>
    /// <param name="blobs">The blobs the result was computed for.</param>
    /// <exception cref="ArgumentException">The counts differ.</exception>
    public static IntensityShare[] Of(IntensityColocResult result, ReadOnlySpan<Blob> blobs)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Count != blobs.Length) throw new ArgumentException($"{result.Count} flag rows for {blobs.Length} blobs", nameof(blobs));
        int c = result.ImageChannels;
        var total = new int[c];
        var positive = new int[c, c];
        for (int i = 0; i < blobs.Length; i++)
        {
            int a = (int)blobs[i].Channel;
            if (!result.InRoi[i] || a < 0 || a >= c) continue;
            total[a]++;
            for (int b = 0; b < c; b++) positive[a, b] += result.Flag(i, b);
        }
        var rows = new List<IntensityShare>();
        for (int a = 0; a < c; a++)
            for (int b = 0; b < c; b++)
                if (a != b) rows.Add(new IntensityShare(a, b, total[a], positive[a, b]));
        return rows.ToArray();
    }
}
