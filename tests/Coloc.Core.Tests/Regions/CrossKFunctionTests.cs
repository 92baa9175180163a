using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Regions;

namespace Coloc.Core.Tests.Regions;

/// <summary>
/// Cross-K / L(r) per region (<see cref="CrossKFunction"/>): known answers with anisotropic voxels, pairs only within
/// one region (or one ontology group), and the Monte Carlo envelope of <see cref="RegionAnalysis"/>: independent
/// channels stay inside it, planted coupling rises above it at short range, over many seeded data sets.
/// </summary>
public class CrossKFunctionTests
{
    private static Blob B(double z, double y, double x, int channel) => new(z, y, x, 1, -1, -1, channel);

    /// <summary>A 10×10×10 labels grid on a 40×40×40 image: label 1 at x &lt; 5, label 2 at x ≥ 5 (labels voxels).</summary>
    private static LabelGrid TwoHalves()
    {
        var ids = new long[1000];
        for (int i = 0; i < ids.Length; i++) ids[i] = i % 10 < 5 ? 1 : 2;
        return new LabelGrid(new ZyxInt(10, 10, 10), ids);
    }

    [Fact]
    public void Known_answer_in_micrometres_with_anisotropic_voxels()
    {
        var labels = TwoHalves();
        var scaler = GridScaler.FromShapes(new ZyxInt(40, 40, 40), labels.Shape);
        // z voxels are 3 µm, y and x 1 µm: one z voxel apart = 3 µm, four x voxels = 4 µm.
        var k = new CrossKFunction(new RegionVoxels(labels), scaler, new Zyx(3, 1, 1), 10, steps: 10);
        Blob[] a = [B(20, 20, 8, 0)];
        Blob[] b = [B(21, 20, 8, 1), B(20, 20, 12, 1), B(20, 20, 30, 1)]; // 3 µm and 4 µm in region 1, the third in region 2
        var K = k.K(a, b);
        double volume1 = 500 * 64 * 3; // 500 labels voxels of 4·4·4 full voxels of 3 µm³
        double perPair = volume1 / (1.0 * 2);
        Assert.Equal(new[] { 0, 0, perPair, 2 * perPair, 2 * perPair }, K[0].Take(5).ToArray());
        Assert.All(K[1], v => Assert.True(double.IsNaN(v))); // region 2 has no channel-a blob
        Assert.Equal(Math.Cbrt(3 * perPair / (4 * Math.PI)), CrossKFunction.L(K[0][2]), 12);
    }

    [Fact]
    public void A_pair_across_two_labels_counts_only_in_a_group_holding_both()
    {
        var labels = TwoHalves();
        var scaler = GridScaler.FromShapes(new ZyxInt(40, 40, 40), labels.Shape);
        var voxels = new RegionVoxels(labels);
        Blob[] a = [B(20, 20, 17, 0)];
        Blob[] b = [B(20, 20, 19, 1)]; // x 17 → labels 4.25 → 4 (label 1); x 19 → 4.75 → 5 (label 2): 2 µm apart
        var perLabel = new CrossKFunction(voxels, scaler, Zyx.All(1), 4, steps: 4).K(a, b);
        Assert.All(perLabel.SelectMany(r => r), v => Assert.True(double.IsNaN(v)));
        (long, int[])[] groups = [(100, [0, 1]), (1, [0])];
        var grouped = new CrossKFunction(voxels, scaler, Zyx.All(1), 4, steps: 4, groups).K(a, b);
        Assert.Equal(new[] { 0, 64000.0, 64000, 64000 }, grouped[0]);
        Assert.All(grouped[1], v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Brute_force_agrees_on_random_blobs()
    {
        var labels = TwoHalves();
        var image = new ZyxInt(40, 40, 40);
        var scaler = GridScaler.FromShapes(image, labels.Shape);
        var voxels = new RegionVoxels(labels);
        var res = new Zyx(2, 0.5, 0.7);
        var est = new CrossKFunction(voxels, scaler, res, 6, steps: 6);
        var g = new SplitMix64(3);
        var a = Enumerable.Range(0, 300).Select(_ => B(g.NextDouble() * 39, g.NextDouble() * 39, g.NextDouble() * 39, 0)).ToArray();
        var b = Enumerable.Range(0, 300).Select(_ => B(g.NextDouble() * 39, g.NextDouble() * 39, g.NextDouble() * 39, 1)).ToArray();
        var K = est.K(a, b);
        int Label(Blob x) { scaler.Place(x.Center, out long f); return voxels.RowAt(f); }
        for (int row = 0; row < 2; row++)
        {
            var ar = a.Where(x => Label(x) == row).ToArray();
            var br = b.Where(x => Label(x) == row).ToArray();
            double volume = voxels.Voxels(row).Length * 64 * res.Z * res.Y * res.X;
            for (int s = 0; s < 6; s++)
            {
                double r = est.RadiiUm[s];
                long n = ar.Sum(p => br.Count(q =>
                    Math.Pow((p.Z - q.Z) * res.Z, 2) + Math.Pow((p.Y - q.Y) * res.Y, 2) + Math.Pow((p.X - q.X) * res.X, 2) <= r * r));
                Assert.Equal(volume / (ar.Length * (double)br.Length) * n, K[row][s], 9);
            }
        }
        Assert.True(K[0][5] > 0 && K[1][5] > 0);
    }

    private static RegionResult Analyse(Blob[] blobs, long seed)
    {
        var image = new ZyxInt(40, 40, 40);
        var pair = new ChannelPair(0, 1);
        var request = new MatchRequest { ShapeVoxels = image, TolVoxels = Zyx.All(3), Threads = 1, Channels = [0, 1] };
        return RegionAnalysis.Run(new RegionRequest
        {
            Blobs = blobs, Pairs = [(pair, MatchEngine.Run(blobs, request)[pair] ?? BlobMatch.Empty())], Channels = [0, 1],
            Labels = TwoHalves(), ImageShape = image, TolVoxels = Zyx.All(3),
            Rematch = (p, bs) => MatchEngine.Run(bs, request)[p] ?? BlobMatch.Empty(),
            Permutations = 39, Seed = seed, Threads = 2, LMaxRadiusUm = 6,
        });
    }

    private static IEnumerable<Blob> Uniform(ref SplitMix64 g, int n, int channel, int region)
    {
        var list = new List<Blob>();
        for (int i = 0; i < n; i++)
            list.Add(B(g.NextDouble() * 39.9, g.NextDouble() * 39.9, region == 1 ? g.NextDouble() * 17.9 : 22 + g.NextDouble() * 17.9, channel));
        return list;
    }

    [Fact]
    public void Independent_channels_stay_inside_the_envelope_and_coupling_rises_above_it()
    {
        const int DataSets = 20;
        int outsideIndependent = 0, pointsIndependent = 0, coupledAbove = 0, region2Above = 0;
        for (int s = 0; s < DataSets; s++)
        {
            var g = new SplitMix64((ulong)(900 + s));
            var a1 = Uniform(ref g, 60, 0, 1).ToArray();
            var partners = a1.Take(30).Select(x => x with
            {
                Z = Math.Clamp(x.Z + (g.NextDouble() - 0.5), 0, 39.9), X = Math.Clamp(x.X + (g.NextDouble() - 0.5), 0, 17.9), Channel = 1,
            });
            Blob[] blobs = [.. a1, .. partners, .. Uniform(ref g, 30, 1, 1), .. Uniform(ref g, 60, 0, 2), .. Uniform(ref g, 60, 1, 2)];
            var c = Analyse(blobs, 40 + s).LCurves[0]!;
            Assert.Equal(6, c.RadiiUm[^1]);
            // Region 2 is independent: count radii where L leaves [min, max] of 39 draws (chance 2/40 per radius).
            for (int r = 0; r < c.RadiiUm.Length; r++)
            {
                pointsIndependent++;
                if (c.Observed[1][r] < c.NullLow[1][r] || c.Observed[1][r] > c.NullHigh[1][r]) outsideIndependent++;
            }
            // Region 1: half of a has a partner within ~0.9 µm: L at 1.2 µm above every draw.
            if (c.Observed[0][3] > c.NullHigh[0][3]) coupledAbove++;
            if (c.Observed[1][3] > c.NullHigh[1][3]) region2Above++;
            Assert.InRange(c.NullMean[1][19], c.NullLow[1][19], c.NullHigh[1][19]);
        }
        Assert.True(outsideIndependent <= 0.15 * pointsIndependent, $"{outsideIndependent} of {pointsIndependent} outside the envelope");
        Assert.True(coupledAbove >= 0.95 * DataSets, $"coupling above the envelope in {coupledAbove} of {DataSets}");
        Assert.True(region2Above <= 0.2 * DataSets, $"independent region above the envelope in {region2Above} of {DataSets}");
    }

    [Fact]
    public void No_curves_unless_asked()
    {
        var g = new SplitMix64(1);
        Blob[] blobs = [.. Uniform(ref g, 20, 0, 1), .. Uniform(ref g, 20, 1, 1)];
        var image = new ZyxInt(40, 40, 40);
        var pair = new ChannelPair(0, 1);
        var request = new MatchRequest { ShapeVoxels = image, TolVoxels = Zyx.All(3), Threads = 1, Channels = [0, 1] };
        var r = RegionAnalysis.Run(new RegionRequest
        {
            Blobs = blobs, Pairs = [(pair, BlobMatch.Empty())], Channels = [0, 1], Labels = TwoHalves(), ImageShape = image,
            TolVoxels = Zyx.All(3), Rematch = (p, bs) => MatchEngine.Run(bs, request)[p] ?? BlobMatch.Empty(), Permutations = 3,
        });
        Assert.Null(r.LCurves[0]);
    }
}
