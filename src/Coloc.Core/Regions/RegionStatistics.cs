namespace Coloc.Core.Regions;

/// <summary>Per-region statistics of one channel pair (arrays in region row order; NaN where undefined).</summary>
/// <param name="Expected">Mean null count of matches.</param>
/// <param name="Enrichment">Observed / expected.</param>
/// <param name="P">Monte Carlo p-value, (1 + #{null ≥ observed}) / (N + 1).</param>
/// <param name="Q">Benjamini–Hochberg q-value over the regions.</param>
/// <param name="EnrichmentLow">Lower end of the 95 % interval of the enrichment: the exact (Garwood) Poisson interval
/// of the observed count divided by the expected count.</param>
/// <param name="EnrichmentHigh">Upper end of that interval.</param>
public sealed record RegionStatistics(double[] Expected, double[] Enrichment, double[] P, double[] Q, double[] EnrichmentLow,
    double[] EnrichmentHigh);
