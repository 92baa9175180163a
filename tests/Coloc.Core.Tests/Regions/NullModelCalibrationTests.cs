using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Regions;

namespace Coloc.Core.Tests.Regions;

/// <summary>
/// Calibration of the per-region null model over many seeded data sets (not one draw): a 40³ image with 10³ labels,
/// region 1 at x &lt; 5 and region 2 at x ≥ 5 (labels voxels), exact matching with tolerance 3 voxels.
/// Independent uniform channels: p-values near uniform (at most 10 % at or below 0.05), Monte Carlo expectation
/// unbiased. Planted coupling in region 1 (half of channel a given a partner within half the tolerance):
/// p ≤ 0.02 and enrichment ≥ 1.5 there in ≥ 95 % of data sets, and region 2 as under independence.
/// </summary>
public class NullModelCalibrationTests
{
    private static readonly ZyxInt Image = new(40, 40, 40);
    private static readonly Zyx Tol = Zyx.All(3);
    private const int DataSets = 60;
    private const int Permutations = 49;

    private static LabelGrid Labels()
    {
        var ids = new long[1000];
        for (int i = 0; i < ids.Length; i++) ids[i] = i % 10 < 5 ? 1 : 2;
        return new LabelGrid(new ZyxInt(10, 10, 10), ids);
    }

    /// <summary>n blobs of <paramref name="channel"/> uniform in region 1 (x &lt; 18) or 2 (x ≥ 22), away from the edges so rounding keeps them inside.</summary>
    private static IEnumerable<Blob> Uniform(ref SplitMix64 g, int n, int channel, int region)
    {
        var list = new List<Blob>();
        for (int i = 0; i < n; i++)
        {
            double x = region == 1 ? g.NextDouble() * 17.9 : 22 + g.NextDouble() * 17.9;
            list.Add(new Blob(g.NextDouble() * 39.9, g.NextDouble() * 39.9, x, 2, -1, -1, channel));
        }
        return list;
    }

    private static RegionResult Analyse(Blob[] blobs, long seed)
    {
        var pair = new ChannelPair(0, 1);
        var request = new MatchRequest { ShapeVoxels = Image, TolVoxels = Tol, Threads = 1, Channels = [0, 1] };
        var observed = MatchEngine.Run(blobs, request)[pair] ?? BlobMatch.Empty();
        return RegionAnalysis.Run(new RegionRequest
        {
            Blobs = blobs, Pairs = [(pair, observed)], Channels = [0, 1], Labels = Labels(), ImageShape = Image, TolVoxels = Tol,
            Rematch = (p, bs) => MatchEngine.Run(bs, request)[p] ?? BlobMatch.Empty(),
            Permutations = Permutations, Seed = seed, Threads = 2,
        });
    }

    private static Blob[] Independent(long seed)
    {
        var g = new SplitMix64((ulong)seed);
        return [.. Uniform(ref g, 40, 0, 1), .. Uniform(ref g, 40, 1, 1), .. Uniform(ref g, 40, 0, 2), .. Uniform(ref g, 40, 1, 2)];
    }

    [Fact]
    public void Independent_channels_give_near_uniform_p_and_unbiased_expectation()
    {
        int low = 0, total = 0;
        double observedSum = 0, expectedSum = 0;
        for (int s = 0; s < DataSets; s++)
        {
            var r = Analyse(Independent(1000 + s), 77 + s);
            var st = r.Statistics[0];
            for (int row = 0; row < r.Rows.Length; row++)
            {
                total++;
                if (st.P[row] <= 0.05) low++;
                observedSum += r.Rows[row].Matches[0];
                expectedSum += st.Expected[row];
            }
        }
        Assert.True(low <= 0.10 * total, $"{low} of {total} p-values <= 0.05");
        double bias = (observedSum - expectedSum) / total;
        double mean = expectedSum / total;
        // Poisson-like spread: the mean difference over `total` regions has s.e. about sqrt(mean/total).
        Assert.True(Math.Abs(bias) <= 4 * Math.Sqrt(mean / total) + 0.05, $"mean observed - expected = {bias:0.000} (expected mean {mean:0.00})");
    }

    [Fact]
    public void Planted_coupling_is_found_in_its_region_only()
    {
        int found = 0, otherLow = 0;
        for (int s = 0; s < DataSets; s++)
        {
            var g = new SplitMix64((ulong)(5000 + s));
            var a1 = Uniform(ref g, 40, 0, 1).ToArray();
            var partners = a1.Take(20).Select(a =>
            {
                // within half the tolerance: offset of length < 1.5 voxels
                double dz = (g.NextDouble() - 0.5) * 1.6, dy = (g.NextDouble() - 0.5) * 1.6, dx = (g.NextDouble() - 0.5) * 1.6;
                return a with { Z = Math.Clamp(a.Z + dz, 0, 39.9), Y = Math.Clamp(a.Y + dy, 0, 39.9), X = Math.Clamp(a.X + dx, 0, 17.9), Channel = 1 };
            });
            Blob[] blobs = [.. a1, .. partners, .. Uniform(ref g, 20, 1, 1), .. Uniform(ref g, 40, 0, 2), .. Uniform(ref g, 40, 1, 2)];
            var r = Analyse(blobs, 99 + s);
            var st = r.Statistics[0];
            if (st.P[0] <= 0.02 && st.Enrichment[0] >= 1.5) found++;
            if (st.P[1] <= 0.02) otherLow++;
        }
        Assert.True(found >= 0.95 * DataSets, $"coupling found in {found} of {DataSets}");
        Assert.True(otherLow <= 0.10 * DataSets, $"region 2 significant in {otherLow} of {DataSets}");
    }

    [Fact]
    public void Same_numbers_for_any_thread_count()
    {
        var blobs = Independent(42);
        var pair = new ChannelPair(0, 1);
        var request = new MatchRequest { ShapeVoxels = Image, TolVoxels = Tol, Threads = 1, Channels = [0, 1] };
        var voxels = new RegionVoxels(Labels());
        var model = new RegionNullModel(voxels, GridScaler.FromShapes(Image, voxels.Labels.Shape), Image);
        var a = blobs.Where(b => b.Channel == 0).ToArray();
        var b = blobs.Where(b => b.Channel == 1).ToArray();
        BlobMatch Rematch(Blob[] bs) => MatchEngine.Run(bs, request)[pair] ?? BlobMatch.Empty();
        var one = model.Counts(a, b, Rematch, 30, 7, threads: 1);
        var two = model.Counts(a, b, Rematch, 30, 7, threads: 2);
        Assert.Equal(one.Select(x => string.Join(',', x)), two.Select(x => string.Join(',', x)));
        Assert.NotEqual(one.Select(x => string.Join(',', x)), model.Counts(a, b, Rematch, 30, 8, threads: 2).Select(x => string.Join(',', x)));
    }

    [Fact]
    public void Benjamini_Hochberg_known_answer()
    {
        // p = 0.01, 0.04, 0.03, 0.2 (m = 4): sorted 0.01, 0.03, 0.04, 0.2 → 0.04, 0.0533, 0.0533, 0.2
        var q = Significance.BenjaminiHochberg([0.01, 0.04, 0.03, 0.2, double.NaN]);
        Assert.Equal(0.04, q[0], 12);
        Assert.Equal(0.04 * 4 / 3, q[1], 12);
        Assert.Equal(0.04 * 4 / 3, q[2], 12);
        Assert.Equal(0.2, q[3], 12);
        Assert.True(double.IsNaN(q[4]));
    }

    [Fact]
    public void P_value_counts_the_observation_as_a_draw()
    {
        var s = Significance.Of([5, 0], [[5, 0], [4, 1], [6, 0]]);
        Assert.Equal(3.0 / 4, s.P[0], 12); // 5 and 6 are >= 5
        Assert.Equal(1.0, s.P[1], 12);
        Assert.Equal(5.0, s.Expected[0], 12);
        Assert.Equal(1.0, s.Enrichment[0], 12);
    }

    [Fact]
    public void Enrichment_interval_is_the_exact_Poisson_interval_over_the_expectation()
    {
        // Garwood 95 % limits: k = 5 → [1.6235, 11.6683]; k = 0 → [0, 3.6889] (standard tables)
        var (lo, hi) = Significance.PoissonInterval(5, 0.95);
        Assert.Equal(1.6235, lo, 4);
        Assert.Equal(11.6683, hi, 4);
        Assert.Equal((0.0, 3.6889), (Significance.PoissonInterval(0, 0.95).Low, Math.Round(Significance.PoissonInterval(0, 0.95).High, 4)));
        var s = Significance.Of([5, 0], [[2, 1], [3, 1]]); // expected 2.5 and 1
        Assert.Equal(1.6235 / 2.5, s.EnrichmentLow[0], 4);
        Assert.Equal(11.6683 / 2.5, s.EnrichmentHigh[0], 4);
        Assert.True(s.EnrichmentLow[0] < s.Enrichment[0] && s.Enrichment[0] < s.EnrichmentHigh[0]);
        Assert.Equal(0, s.EnrichmentLow[1]);
        Assert.Equal(3.6889, s.EnrichmentHigh[1], 4);
    }
}
