using Coloc.Core.Intensity;

namespace Coloc.Native.Results;

/// <summary>
/// An <see cref="IntensityColocResult"/> for Java and on disk. Java gets, per input blob, <c>in_roi</c> then one 0/1
/// flag per image channel (1 + C doubles), followed by the C channel thresholds (NaN when a channel has none).
/// On disk it is written by <see cref="Coloc.IO.Csv.IntensityCsv"/>, exactly as <c>coloc intensity</c> writes it.
/// </summary>
public static class IntensityTable
{
    /// <summary>Flattens the result as described on the type.</summary>
    public static double[] Flatten(IntensityColocResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        int c = r.ImageChannels, w = 1 + c;
        var v = new double[(long)r.Count * w + c];
        for (int i = 0; i < r.Count; i++)
        {
            v[i * w] = r.InRoi[i] ? 1 : 0;
            for (int k = 0; k < c; k++) v[i * w + 1 + k] = r.Flag(i, k);
        }
        for (int k = 0; k < c; k++) v[(long)r.Count * w + k] = r.Thresholds[k] ?? double.NaN;
        return v;
    }

    /// <summary>
    /// <see cref="Flatten"/> (what the C ABI returns) followed by the summary of the JNI front
    /// (<see cref="IntensityShares.Of"/>): per ordered pair of distinct channels (blob channel ascending, then other
    /// channel) the blobs, the positive ones and their percentage (3·C·(C−1) doubles).
    /// </summary>
    public static double[] FlattenWithShares(IntensityColocResult r, ReadOnlySpan<Coloc.Core.Blobs.Blob> blobs)
    {
        var flat = Flatten(r);
        var shares = IntensityShares.Of(r, blobs);
        var v = new double[flat.Length + 3 * shares.Length];
        flat.CopyTo(v, 0);
        for (int i = 0; i < shares.Length; i++)
            (v[flat.Length + 3 * i], v[flat.Length + 3 * i + 1], v[flat.Length + 3 * i + 2]) = (shares[i].Blobs, shares[i].Positive, shares[i].Percent);
        return v;
    }
}
