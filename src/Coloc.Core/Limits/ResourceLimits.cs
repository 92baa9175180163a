namespace Coloc.Core.Limits;

/// <summary>
/// What one run may ask of the machine, checked before any work or large allocation starts, so that a hostile or
/// mistaken input (a header claiming 2³¹ rows, <c>num_sigma=100000</c>, a block of one voxel) is refused with one
/// line instead of crashing, hanging or eating memory. Immutable; every limit has a generous default and is a
/// parameter (<see cref="Parameters.LimitParameters"/>).
/// </summary>
public sealed record ResourceLimits
{
    /// <summary>Memory a run may plan to use, bytes; default <see cref="DefaultMaxMemoryBytes"/>.</summary>
    public long MaxMemoryBytes { get; init; } = DefaultMaxMemoryBytes;

    /// <summary>Most channels an image or blob table may have (default 64; pairs grow as channels²/2).</summary>
    public int MaxChannels { get; init; } = 64;

    /// <summary>Most sigmas (<c>num_sigma</c>) of a profile (default 100).</summary>
    public int MaxSigmas { get; init; } = 100;

    /// <summary>Most work blocks of a run (default 10,000).</summary>
    public int MaxBlocks { get; init; } = 10_000;

    /// <summary>
    /// Largest ratio of the bytes an image header claims (decoded pixels) to the size of the file (default 2,048;
    /// Deflate and LZW cannot expand data much beyond 1,000:1, uncompressed data not at all).
    /// </summary>
    public int MaxExpansion { get; init; } = 2048;

    /// <summary>Half of the memory available to this process (physical RAM or the container's limit), bytes.</summary>
    public static long DefaultMaxMemoryBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;

    /// <summary>The defaults.</summary>
    public static ResourceLimits Default { get; } = new();

    /// <summary>Bytes as text with a binary unit, e.g. <c>1.5 GiB</c>.</summary>
    public static string FormatBytes(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        int u = 0;
        while (bytes >= 1024 && u < units.Length - 1) { bytes /= 1024; u++; }
        return bytes >= 1e6 ? bytes.ToString("0.###e0", System.Globalization.CultureInfo.InvariantCulture) + " " + units[u]
            : bytes.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " " + units[u];
    }
}
