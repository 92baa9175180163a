using Coloc.Core.Intensity;
using Coloc.IO.Files;

namespace Coloc.Native.Results;

/// <summary>
/// An <see cref="IntensityColocResult"/> for Java and on disk. Java gets, per input blob, <c>in_roi</c> then one 0/1
/// flag per image channel (1 + C doubles), followed by the C channel thresholds (NaN when a channel has none).
/// The CSV has the header <c>blob_index,in_roi,c0,c1,...</c> (0-based channels), one row per input blob in input order.
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

    /// <summary>Writes the CSV atomically (a temporary file renamed into place).</summary>
    public static void Write(string path, IntensityColocResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        AtomicFile.WriteText(path, w =>
        {
            w.Write("blob_index,in_roi");
            for (int k = 0; k < r.ImageChannels; k++) w.Write($",c{k}");
            w.Write('\n');
            for (int i = 0; i < r.Count; i++)
            {
                w.Write(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.Write(r.InRoi[i] ? ",1" : ",0");
                for (int k = 0; k < r.ImageChannels; k++) w.Write(r.Flag(i, k) == 1 ? ",1" : ",0");
                w.Write('\n');
            }
        });
    }
}
