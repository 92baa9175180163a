namespace Coloc.Core.Matching.Exact;

/// <summary>
/// Integer costs for the exact solver: a scaled distance d (0 ≤ d &lt; threshold) becomes
/// <c>round(d · 2³² / threshold)</c>, a monotone map, so all sums and comparisons in the solver are exact integers.
/// The matching is exactly optimal for these costs; its true total distance exceeds the true minimum by at most
/// <c>pairs · threshold / 2³²</c>.
/// </summary>
internal readonly struct CostScale(double threshold)
{
    /// <summary>Cost units per threshold: 2³².</summary>
    public const double UnitsPerThreshold = 4294967296.0;

    private readonly double _factor = UnitsPerThreshold / threshold;

    public long Quantize(double distance) => (long)Math.Round(distance * _factor);
}
