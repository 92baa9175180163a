using System.Globalization;
using Coloc.Core.Limits;

namespace Coloc.Core.Parameters;

/// <summary>
/// The limits of <see cref="ResourceLimits"/> as parameters (command line only): what one run may ask of the
/// machine, checked before the work starts; exceeding one exits 2 with a message naming its flag.
/// </summary>
public static class LimitParameters
{
    /// <summary>Memory a run may plan to use.</summary>
    public static ParameterSpec MaxMemory { get; } = new("maximum memory", ParameterKind.Text,
        "Memory a run may plan to use (image, detector planes), checked before the work starts; bytes with an optional K, M, G or T suffix (binary)")
    { Flag = "--max-memory", Unit = "bytes", DefaultText = "half of the RAM" };

    /// <summary>Most channels.</summary>
    public static ParameterSpec MaxChannels { get; } = new("maximum channels", ParameterKind.Integer,
        "Most channels an image or blob table may have (channel pairs grow as channels²/2)")
    { Flag = "--max-channels", Default = ResourceLimits.Default.MaxChannels.ToString(CultureInfo.InvariantCulture), Minimum = 1 };

    /// <summary>Most sigmas.</summary>
    public static ParameterSpec MaxSigmas { get; } = new("maximum sigmas", ParameterKind.Integer,
        "Most sigmas (num_sigma) a profile may ask for")
    { Flag = "--max-sigmas", Default = ResourceLimits.Default.MaxSigmas.ToString(CultureInfo.InvariantCulture), Minimum = 1 };

    /// <summary>Most work blocks.</summary>
    public static ParameterSpec MaxBlocks { get; } = new("maximum blocks", ParameterKind.Integer,
        "Most work blocks of a run (raise it, or the block size, for very large images)")
    { Flag = "--max-blocks", Default = ResourceLimits.Default.MaxBlocks.ToString(CultureInfo.InvariantCulture), Minimum = 1 };

    /// <summary>Largest ratio of claimed image bytes to file size.</summary>
    public static ParameterSpec MaxExpansion { get; } = new("maximum expansion", ParameterKind.Integer,
        "Largest ratio of the pixel bytes an image header claims to the file's size (compression rarely exceeds 1000)")
    { Flag = "--max-expansion", Default = ResourceLimits.Default.MaxExpansion.ToString(CultureInfo.InvariantCulture), Minimum = 1 };

    /// <summary>Every limit, in the order of the help.</summary>
    public static IReadOnlyList<ParameterSpec> All { get; } = [MaxMemory, MaxChannels, MaxSigmas, MaxBlocks, MaxExpansion];

    /// <summary>The limits <paramref name="values"/> give (defaults where not given).</summary>
    /// <exception cref="ParameterException">A value is malformed.</exception>
    public static ResourceLimits Limits(IParameterValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var d = ResourceLimits.Default;
        return new ResourceLimits
        {
            MaxMemoryBytes = values.Get(MaxMemory) is { } m ? Bytes(MaxMemory, m) : d.MaxMemoryBytes,
            MaxChannels = values.Integer(MaxChannels, d.MaxChannels),
            MaxSigmas = values.Integer(MaxSigmas, d.MaxSigmas),
            MaxBlocks = values.Integer(MaxBlocks, d.MaxBlocks),
            MaxExpansion = values.Integer(MaxExpansion, d.MaxExpansion),
        };
    }

    /// <summary>Parses <c>123</c>, <c>512M</c>, <c>1.5G</c> (binary units) to bytes (≥ 1).</summary>
    /// <exception cref="ParameterException">Not a positive size.</exception>
    public static long Bytes(ParameterSpec p, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        double unit = 1;
        if (t.Length > 0 && "KMGTkmgt".Contains(t[^1], StringComparison.Ordinal))
        {
            unit = Math.Pow(1024, "KMGT".IndexOf(char.ToUpperInvariant(t[^1]), StringComparison.Ordinal) + 1);
            t = t[..^1];
        }
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v) || v * unit < 1 || v * unit > long.MaxValue / 2)
            throw new ParameterException(p, $"'{text}' is not a size in bytes (e.g. 512M, 8G)");
        return (long)(v * unit);
    }
}
