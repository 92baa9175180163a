using Coloc.Core.Matching;

namespace Coloc.Core.Regions;

/// <summary>What <see cref="RegionAnalysis.Run"/> found.</summary>
/// <param name="Rows">Per region row (labels ascending, or level regions ascending): voxels, blobs per channel, matches per pair.</param>
/// <param name="ChannelMaps">Heat map per counted channel (order of <see cref="RegionRequest.Channels"/>).</param>
/// <param name="PairMaps">Heat map of each pair's channel-a blobs (order of <see cref="RegionRequest.Pairs"/>).</param>
/// <param name="Statistics">Per pair (same order): Monte Carlo statistics per row.</param>
/// <param name="CsrExpected">Per pair: the analytic CSR expectation per row.</param>
/// <param name="Pairs">The pairs, in order.</param>
/// <param name="LCurves">Per pair (same order): the L(r) curves with their null envelope, or null when not asked for
/// (<see cref="RegionRequest.LMaxRadiusUm"/> = 0).</param>
public sealed record RegionResult(RegionRow[] Rows, HeatMap[] ChannelMaps, HeatMap[] PairMaps, RegionStatistics[] Statistics,
    double[][] CsrExpected, ChannelPair[] Pairs, LCurves?[] LCurves);
