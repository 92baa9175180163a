using Coloc.Core.Blobs;
using Coloc.Core.Matching;

namespace Coloc.Core.Regions;

/// <summary>
/// Colocalization per atlas region: heat maps and per-label counts as MagellanMapper
/// (<see cref="HeatMapBuilder"/>, <see cref="RegionCounter"/>), optionally aggregated to an ontology level
/// (<see cref="RegionAggregator"/>), and per pair the significance of the match counts against
/// <see cref="RegionNullModel"/> (<see cref="Significance"/>) plus the analytic <see cref="CsrExpectation"/>.
/// Null counts are made per label and summed into level rows exactly as the observed counts.
/// </summary>
public static class RegionAnalysis
{
    /// <summary>Runs <paramref name="request"/>.</summary>
    public static RegionResult Run(RegionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scaler = GridScaler.FromShapes(request.ImageShape, request.Labels.Shape);
        var channelMaps = request.Channels.Select(c => HeatMapBuilder.ForChannel(scaler, request.Blobs, c)).ToArray();
        var pairMaps = request.Pairs.Select(p => HeatMapBuilder.ForMatches(scaler, p.Matches)).ToArray();
        var labelRows = RegionCounter.Count(request.Labels, channelMaps, pairMaps);
        (long Id, int[] Members)[]? groups = null;
        var rows = labelRows;
        if (request.Level is int level)
        {
            var ontology = request.Ontology ?? throw new ArgumentException("a level needs an ontology");
            groups = RegionAggregator.Groups(ontology, labelRows.Select(r => r.Label).ToArray(), level);
            rows = RegionAggregator.Aggregate(ontology, labelRows, level);
        }

        bool curves = request.LMaxRadiusUm > 0;
        var voxels = request.Permutations > 0 || curves ? new RegionVoxels(request.Labels) : null;
        var crossK = curves ? new CrossKFunction(voxels!, scaler, request.ResolutionUm, request.LMaxRadiusUm, groups: groups) : null;
        var stats = new RegionStatistics[request.Pairs.Count];
        var csr = new double[request.Pairs.Count][];
        var lCurves = new LCurves?[request.Pairs.Count];
        for (int k = 0; k < request.Pairs.Count; k++)
        {
            var pair = request.Pairs[k].Pair;
            var observed = rows.Select(r => r.Matches[k]).ToArray();
            long[][] nulls = [];
            var a = request.Blobs.Where(b => (int)b.Channel == pair.A).ToArray();
            var b = request.Blobs.Where(b => (int)b.Channel == pair.B).ToArray();
            var nullK = new double[request.Permutations][][];
            var centers = crossK?.Centers(a);
            if (voxels is not null && request.Permutations > 0)
            {
                var model = new RegionNullModel(voxels, scaler, request.ImageShape);
                Action<int, Blob[]>? onDraw = crossK is null ? null : (p, blobs) => nullK[p] = crossK.K(centers!, blobs.AsSpan(a.Length));
                nulls = request.ExactRematch
                    ? model.ExactCounts(a, b, request.TolVoxels, request.Permutations, request.Seed, request.Threads, cancellationToken, onDraw)
                    : model.Counts(a, b, blobs => request.Rematch(pair, blobs), request.Permutations, request.Seed, request.Threads,
                        cancellationToken, onDraw);
                if (groups is not null) nulls = nulls.Select(n => Sum(n, groups)).ToArray();
            }
            if (crossK is not null) lCurves[k] = LCurves.From(crossK.RadiiUm, crossK.K(centers!, b), request.Permutations > 0 ? nullK : []);
            stats[k] = Significance.Of(observed, nulls);
            int ia = Array.IndexOf(request.Channels, pair.A), ib = Array.IndexOf(request.Channels, pair.B);
            csr[k] = rows.Select(r => ia < 0 || ib < 0 ? double.NaN
                : CsrExpectation.Of(r.Blobs[ia], r.Blobs[ib], r.Voxels, scaler.Scaling, request.TolVoxels)).ToArray();
        }
        return new RegionResult(rows, channelMaps, pairMaps, stats, csr, request.Pairs.Select(p => p.Pair).ToArray(), lCurves);
    }

    private static long[] Sum(long[] perLabel, (long Id, int[] Members)[] groups)
    {
        var s = new long[groups.Length];
        for (int g = 0; g < groups.Length; g++)
            foreach (int i in groups[g].Members) s[g] += perLabel[i];
        return s;
    }
}
