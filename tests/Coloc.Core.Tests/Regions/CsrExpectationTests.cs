using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Regions;

namespace Coloc.Core.Tests.Regions;

/// <summary>
/// The analytic CSR expectation checks the Monte Carlo: on sparse independent uniform channels in one large region
/// (edge effects small), the null model's mean count, the analytic expectation and the observed count agree. This also
/// checks that the null model draws uniformly over the image's extent 0 … shape − 1 (a draw clamped at the faces, or
/// missing the clipped top band, gives a Monte Carlo mean a few per cent off).
/// </summary>
public class CsrExpectationTests
{
    [Fact]
    public void Analytic_expectation_agrees_with_the_Monte_Carlo_on_sparse_uniform_channels()
    {
        var image = new ZyxInt(100, 100, 100);
        var labels = new LabelGrid(new ZyxInt(10, 10, 10), Enumerable.Repeat(7L, 1000).ToArray());
        var tol = Zyx.All(2);
        var pair = new ChannelPair(0, 1);
        var match = new MatchRequest { ShapeVoxels = image, TolVoxels = tol, Threads = 1, Channels = [0, 1] };
        const int DataSets = 40;
        double mc = 0, csr = 0, observed = 0;
        for (int s = 0; s < DataSets; s++)
        {
            var g = new SplitMix64((ulong)(300 + s));
            var blobs = Enumerable.Range(0, 2000)
                .Select(i => new Blob(g.NextDouble() * 99, g.NextDouble() * 99, g.NextDouble() * 99, 1, -1, -1, i % 2)).ToArray();
            var r = RegionAnalysis.Run(new RegionRequest
            {
                Blobs = blobs, Pairs = [(pair, MatchEngine.Run(blobs, match)[pair] ?? BlobMatch.Empty())], Channels = [0, 1],
                Labels = labels, ImageShape = image, TolVoxels = tol,
                Rematch = (p, bs) => MatchEngine.Run(bs, match)[p] ?? BlobMatch.Empty(), Permutations = 19, Seed = s, Threads = 2,
            });
            mc += r.Statistics[0].Expected[0];
            csr += r.CsrExpected[0][0];
            observed += r.Rows[0].Matches[0];
        }
        // 1000 blobs per channel in 10^6 voxels, ball of 33.5 voxels: about 33 matches per data set. Edges (about 2 %)
        // and the one-to-one rule only lower the Monte Carlo; the observed total (about 1300) has a relative s.e. of 3 %.
        Assert.InRange(csr / DataSets, 30, 34);
        Assert.InRange(mc / csr, 0.93, 1.0);
        Assert.InRange(observed / mc, 0.92, 1.08);
    }

    [Fact]
    public void Null_draws_are_uniform_over_the_image_extent_including_edge_voxels()
    {
        var image = new ZyxInt(100, 100, 100);
        var labels = new LabelGrid(new ZyxInt(10, 10, 10), Enumerable.Repeat(7L, 1000).ToArray());
        var model = new RegionNullModel(new RegionVoxels(labels), GridScaler.FromShapes(image, labels.Shape), image);
        var b = Enumerable.Range(0, 40000).Select(_ => new Blob(50, 50, 50, 1, -1, -1, 1)).ToArray();
        Blob[] drawn = [];
        model.Counts([], b, _ => BlobMatch.Empty(), 1, 5, 1, onDraw: (_, bs) => drawn = bs);
        Assert.Equal(b.Length, drawn.Length);
        foreach (var axis in new Func<Blob, double>[] { x => x.Z, x => x.Y, x => x.X })
        {
            var v = drawn.Select(axis).ToArray();
            Assert.True(v.Min() >= 0 && v.Max() <= 99, "inside 0 … 99");
            Assert.True(v.Count(x => x == 0) < 5, "no pile-up at the face");
            // labels voxel 0 covers [0, 5), the last one [85, 99]: 5/99 and 14/99 of the draws
            Assert.InRange(v.Count(x => x < 5) / (double)v.Length, 5 / 99.0 - 0.005, 5 / 99.0 + 0.005);
            Assert.InRange(v.Count(x => x >= 95) / (double)v.Length, 4 / 99.0 - 0.005, 4 / 99.0 + 0.005);
            Assert.InRange(v.Count(x => x >= 45 && x < 55) / (double)v.Length, 10 / 99.0 - 0.007, 10 / 99.0 + 0.007);
        }
    }
}
