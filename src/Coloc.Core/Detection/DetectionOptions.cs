using Coloc.Core.Geometry;
using Coloc.Core.Profiles;

namespace Coloc.Core.Detection;

/// <summary>
/// How <see cref="BlobDetector"/> detects blobs. Immutable; defaults reproduce MagellanMapper's
/// <c>detect_blobs(roi, channels, exclude_border=None)</c> with the <c>default</c> ROI profile.
/// </summary>
public sealed record DetectionOptions
{
    /// <summary>
    /// ROI profile per channel (MagellanMapper's <c>--roi_profile A B ...</c>): channel i uses <c>Profiles[i]</c>, or
    /// <c>Profiles[0]</c> when fewer are given. The profile supplies <c>min/max_sigma_factor</c> (µm, divided by the x
    /// resolution; README, Differences from MagellanMapper, D26), <c>num_sigma</c>, <c>detection_threshold</c> and
    /// <c>overlap</c>; the first detected channel's profile also supplies <c>isotropic</c> (README, Differences from
    /// MagellanMapper, D32) and, for <see cref="BlobDetector.DetectBlocks{T}"/>, the default block size
    /// <c>segment_size</c>. Default: one <c>default</c> profile.
    /// </summary>
    public IReadOnlyList<RoiProfile> Profiles { get; init; } = [RoiProfiles.Default];

    /// <summary>Channels to detect, 0-based, in output order; null (default) = all channels of the image.</summary>
    public IReadOnlyList<int>? Channels { get; init; }

    /// <summary>Worker threads (≥ 1); default all cores. Never changes the result.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Block core shape z,y,x in voxels of detection space for <see cref="BlobDetector.DetectBlocks{T}"/>; null
    /// (default) = MagellanMapper's detection step <c>ceil(segment_size / resolution)</c> of the first channel's
    /// profile (in detection-space voxels when the profile resamples isotropically). Never changes the result.
    /// </summary>
    public ZyxInt? BlockShapeVoxels { get; init; }

    /// <summary>
    /// Visit overlapping peak pairs in CPython 3.11's iteration order of <c>cKDTree.query_pairs</c>' set, as
    /// MagellanMapper does (exact when a channel has at most 16 peaks), instead of the default canonical order
    /// (decreasing response). Only chains of three or more overlapping peaks can end differently. Default false: the
    /// canonical order keeps each chain's outcome independent of the rest of the image, which box-by-box detection
    /// (<c>coloc run</c>) relies on; <see cref="BlobDetector.Detect{T}"/> and <see cref="BlobDetector.DetectBlocks{T}"/>
    /// give identical results either way for any block size.
    /// </summary>
    public bool MagellanMapperPruneOrder { get; init; }

    /// <summary>
    /// How the LoG stack is computed: <see cref="DetectionMode.Exact"/> (default; MagellanMapper's responses to 1e-12,
    /// so its blobs) or <see cref="DetectionMode.Fast"/> (float32 with fused multiply-add; blobs within one voxel of
    /// the exact ones on ≥ 99 %). Never depends on threads or blocks.
    /// </summary>
    public DetectionMode Mode { get; init; } = DetectionMode.Exact;

    /// <summary>What the run may ask of the machine, checked before detection starts (<see cref="Limits.DetectionBudget"/>); default <see cref="Limits.ResourceLimits.Default"/>.</summary>
    public Limits.ResourceLimits Limits { get; init; } = Coloc.Core.Limits.ResourceLimits.Default;

    /// <summary>The profile of channel <paramref name="channel"/>.</summary>
    public RoiProfile ProfileFor(int channel) =>
        channel >= 0 && channel < Profiles.Count ? Profiles[channel] : Profiles[0];
}
