using Coloc.Core.Blobs;

namespace Coloc.Core.Detection;

/// <summary>The detection result of one channel, with the diagnostics MagellanMapper's oracle records.</summary>
/// <param name="Channel">0-based channel index.</param>
/// <param name="Peaks">Every scale-space peak above the threshold before overlap pruning, in canonical order (decreasing response), in detection space.</param>
/// <param name="Kept">Per peak, whether it survived overlap pruning.</param>
/// <param name="Blobs">The surviving peaks as blobs in input-image voxels (z,y,x truncated back from detection space, radius = σ·√3 in detection-space voxels, confirmed/truth −1), in peak order, after border exclusion.</param>
public sealed record ChannelDetection(int Channel, IReadOnlyList<LogPeak> Peaks, IReadOnlyList<bool> Kept, Blob[] Blobs)
{
    /// <summary>The quality of each blob of <see cref="Blobs"/>, in the same order: its peak's scale-normalised LoG response (image in <c>img_as_float</c> units; the value compared with <c>detection_threshold</c>).</summary>
    public double[] BlobResponses() => Peaks.Where((_, i) => Kept[i]).Select(p => p.Response).ToArray();
}
