using System.Globalization;

namespace Coloc.Core.Intensity;

/// <summary>
/// How the brightness threshold of a channel is chosen (MagellanMapper <c>colocalize_blobs(thresh=…)</c>).
/// <list type="bullet">
/// <item><see cref="Min"/> ("min", MagellanMapper's default): the smallest mean, over the channel's blobs, of the
/// channel under each blob's region; NaN if any region is empty.</item>
/// <item><see cref="Percentile"/> p: NumPy's default (linear) percentile p of the channel over the union of the
/// channel's blob regions.</item>
/// </list>
/// </summary>
public readonly record struct IntensityThreshold
{
    private IntensityThreshold(double? percent) => PercentileValue = percent;

    /// <summary>The "min" rule.</summary>
    public static IntensityThreshold Min => default;

    /// <summary>The percentile rule, <paramref name="percent"/> in [0, 100].</summary>
    public static IntensityThreshold Percentile(double percent) =>
        percent is >= 0 and <= 100 ? new(percent) : throw new ArgumentOutOfRangeException(nameof(percent), percent, "percentile must be in [0, 100]");

    /// <summary>The percentile p in [0, 100], or null for <see cref="Min"/>.</summary>
    public double? PercentileValue { get; }

    /// <summary>Parses <c>min</c> or a number in [0, 100] (invariant culture).</summary>
    public static IntensityThreshold Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim().Equals("min", StringComparison.OrdinalIgnoreCase)) return Min;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 100)
            return Percentile(p);
        throw new FormatException($"threshold must be 'min' or a percentile in [0, 100], got '{text}'");
    }

    /// <summary><c>min</c> or the percentile as a round-trip decimal.</summary>
    public override string ToString() => PercentileValue is { } p ? p.ToString("R", CultureInfo.InvariantCulture) : "min";
}
