namespace Coloc.Core.Intensity;

/// <summary>Options of <see cref="IntensityColocalizer"/>.</summary>
public sealed record IntensityColocOptions
{
    /// <summary>Threshold rule (default <see cref="IntensityThreshold.Min"/>, as MagellanMapper).</summary>
    public IntensityThreshold Threshold { get; init; } = IntensityThreshold.Min;

    /// <summary>
    /// Image channels that take part (0-based), or null (default) for all. Blobs of other channels get all-zero
    /// flags and other channels' columns stay 0; the result for the channels that take part is the same as with all
    /// channels (the later-blob-wins rule only compares blobs of one channel).
    /// </summary>
    public IReadOnlyList<int>? Channels { get; init; }

    /// <summary>
    /// Threads (default 1): the compared channels are swept concurrently, at most one thread per channel, so the
    /// image's volumes must allow <c>Plane</c> calls on different channels at the same time (in-memory volumes and
    /// <c>TiffStack</c> channels do). Never changes the result.
    /// </summary>
    public int Threads { get; init; } = 1;
}
