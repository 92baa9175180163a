using System.Numerics;
using Coloc.Core.Blobs;
using Coloc.Core.Image;

namespace Coloc.Core.Intensity;

/// <summary>
/// Intensity-based colocalization, exact to MagellanMapper's <c>colocalizer.colocalize_blobs(roi, blobs, thresh)</c>
/// for one call on the whole image given (README, Differences from MagellanMapper, D15):
/// <list type="number">
/// <item>Blobs in the image: <c>0 ≤ z &lt; Z</c>, <c>0 ≤ y &lt; Y</c>, <c>0 ≤ x &lt; X</c>; others get zeros.</item>
/// <item>Region of blob i of channel c: the voxels of the radius-2 ball (33 voxels) around its truncated centre where
/// i is the latest (highest-index) blob of channel c whose ball covers the voxel — MagellanMapper's label image
/// grey-dilated with <c>ball(2)</c>. The blob radius is ignored. A region can be empty.</item>
/// <item>Threshold of channel c (<see cref="IntensityThreshold"/>): "min" = smallest mean of c over c's regions
/// (NaN if a region is empty); percentile p = NumPy linear percentile of c over the union of c's regions.</item>
/// <item>For every channel c with blobs, every channel o with blobs (o = c included) and every blob of c:
/// <c>flag[blob, o] = mean(o over the blob's region) ≥ threshold[o]</c> (false when NaN).</item>
/// </list>
/// Means are NumPy float64 means in row-major voxel order (pairwise summation, <see cref="NumpyStats"/>), exact for
/// integer pixels. For float32 pixels MagellanMapper (NumPy) accumulates in float32; we accumulate in float64, so
/// means may differ in the last float32 digits. The image is swept plane by plane (memory: one plane per compared
/// channel plus 33 values per blob and channel), so files larger than memory give exactly the
/// result of one call on the whole image; thresholds are computed over the whole image after the sweep.
/// </summary>
public static class IntensityColocalizer
{
    /// <summary>Runs the colocalization of <paramref name="blobs"/> (coordinates in voxels, z,y,x, relative to the image) on <paramref name="image"/> (one volume per channel).</summary>
    /// <exception cref="ArgumentException">Channels of different shapes, or an in-image blob whose channel is not an integer image channel.</exception>
    public static IntensityColocResult Run<T>(IReadOnlyList<IVolume<T>> image, IReadOnlyList<Blob> blobs, IntensityColocOptions? options = null)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(blobs);
        options ??= new IntensityColocOptions();
        if (options.Threads < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Threads, "threads must be >= 1");
        if (image.Count == 0) throw new ArgumentException("the image needs at least one channel", nameof(image));
        var shape = image[0].Shape;
        if (image.Any(v => v.Shape != shape)) throw new ArgumentException("all image channels must have the same shape", nameof(image));
        int nChannels = image.Count;
        var take = new bool[nChannels];
        foreach (int c in options.Channels ?? Enumerable.Range(0, nChannels))
        {
            if ((uint)c >= (uint)nChannels) throw new ArgumentException($"channel {c} is not in the image (channels 0..{nChannels - 1})", nameof(options));
            take[c] = true;
        }

        var inRoi = new bool[blobs.Count];
        var members = new List<int>();
        var present = new bool[nChannels];
        for (int i = 0; i < blobs.Count; i++)
        {
            var b = blobs[i];
            inRoi[i] = b.Z >= 0 && b.Z < shape.Z && b.Y >= 0 && b.Y < shape.Y && b.X >= 0 && b.X < shape.X;
            if (!inRoi[i]) continue;
            if (b.Channel != Math.Floor(b.Channel) || b.Channel < 0 || b.Channel >= nChannels)
                throw new ArgumentException($"blob {i}: channel {b.Channel} is not an image channel (0..{nChannels - 1})", nameof(blobs));
            int ch = (int)b.Channel;
            if (!take[ch]) continue;
            members.Add(i);
            present[ch] = true;
        }
        var channels = Enumerable.Range(0, nChannels).Where(c => present[c]).ToArray();
        var regions = BallRegions.Sample(image, blobs, members, channels, options.Threads);

        int k = channels.Length;
        var thresholds = new double?[nChannels];
        for (int s = 0; s < k; s++)
            thresholds[channels[s]] = Threshold(regions, blobs, members, channels[s], s, options.Threshold);

        var flags = new byte[checked(blobs.Count * nChannels)];
        var diagnostics = new List<IntensityDiagnostic>(members.Count * k);
        for (int s = 0; s < k; s++)
        for (int s2 = 0; s2 < k; s2++)
        {
            int c = channels[s], o = channels[s2];
            double thr = thresholds[o]!.Value;
            for (int m = 0; m < members.Count; m++)
            {
                int i = members[m];
                if ((int)blobs[i].Channel != c) continue;
                var d = new IntensityDiagnostic(i, c, o, regions.Mean(m, s2), thr);
                diagnostics.Add(d);
                if (d.Colocalized) flags[i * nChannels + o] = 1;
            }
        }
        return new IntensityColocResult(nChannels, inRoi, flags, thresholds, diagnostics.ToArray());
    }

    private static double Threshold(BallRegions regions, IReadOnlyList<Blob> blobs, List<int> members, int channel, int slot, IntensityThreshold rule)
    {
        if (rule.PercentileValue is { } p)
        {
            var all = new List<double>();
            for (int m = 0; m < members.Count; m++)
                if ((int)blobs[members[m]].Channel == channel) all.AddRange(regions.Values(m, slot));
            return NumpyStats.Percentile(all.ToArray(), p);
        }
        double min = double.PositiveInfinity;
        for (int m = 0; m < members.Count; m++)
        {
            if ((int)blobs[members[m]].Channel != channel) continue;
            double mean = regions.Mean(m, slot);
            if (double.IsNaN(mean)) return double.NaN;   // np.min propagates NaN
            if (mean < min) min = mean;
        }
        return min;
    }
}
