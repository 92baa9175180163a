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
}
