using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Regions;

namespace Coloc.Core.Tests.Regions;

/// <summary>
/// <see cref="RegionNullModel.ExactCounts"/> (channel a prepared once, counts only) gives exactly the counts of
/// rematching every draw with <see cref="MatchEngine"/> in exact mode, on dense data with coincident blobs on both
/// sides, blobs outside the labels, anisotropic tolerances and many seeds; for any thread count.
/// </summary>
public class ExactNullMatcherTests
{
    private static readonly ZyxInt Image = new(30, 60, 60);

    /// <summary>6×12×12 labels voxels in 18 boxes of 2×4×6 (ids 1 … 18), a few voxels of id 0.</summary>
    private static LabelGrid Labels()
    {
        var ids = new long[6 * 12 * 12];
        for (int z = 0; z < 6; z++)
            for (int y = 0; y < 12; y++)
                for (int x = 0; x < 12; x++)
                    ids[(z * 12 + y) * 12 + x] = (z + y + x) % 17 == 0 ? 0 : 1 + (z / 2) * 6 + (y / 4) * 2 + x / 6;
        return new LabelGrid(new ZyxInt(6, 12, 12), ids);
    }

    private static Blob[] Data(ulong seed, out Blob[] a, out Blob[] b)
    {
        var g = new SplitMix64(seed);
        Blob At(int channel) => new(g.NextDouble() * 29, g.NextDouble() * 59, g.NextDouble() * 59, 1 + g.NextInt(3), -1, -1, channel);
        var la = Enumerable.Range(0, 300).Select(_ => At(0)).ToList();
        // Coincident channel-a blobs: exact copies and same position with another radius.
        for (int i = 0; i < 20; i++) la.Add(la[i]);
        for (int i = 20; i < 30; i++) la.Add(la[i] with { Radius = 7 });
        var lb = la.Take(150).Select(p => p with
        {
            Z = Math.Clamp(p.Z + (g.NextDouble() - 0.5) * 3, 0, 29), Y = p.Y + (g.NextDouble() - 0.5) * 4, X = p.X, Channel = 1,
        }).ToList();
        lb.AddRange(Enumerable.Range(0, 150).Select(_ => At(1)));
        for (int i = 0; i < 15; i++) lb.Add(lb[i]);
        // Outside the labels (z·0.2 rounds to −1), so never redrawn: a coincident channel-b pair within reach of channel a.
        la.Add(new Blob(0.5, 30, 30, 1, -1, -1, 0));
        lb.Add(new Blob(-3, 30, 30.5, 1, -1, -1, 1));
        lb.Add(new Blob(-3, 30, 30.5, 2, -1, -1, 1));
        (a, b) = ([.. la], [.. lb]);
        return [.. a, .. b];
    }

    [Theory]
    [InlineData(2.0, 3.0, 3.0)]
    [InlineData(4.0, 4.0, 4.0)]
    [InlineData(1.5, 6.0, 2.5)]
    public void Exact_counts_equal_full_rematching(double tz, double ty, double tx)
    {
        var voxels = new RegionVoxels(Labels());
        var model = new RegionNullModel(voxels, GridScaler.FromShapes(Image, voxels.Labels.Shape), Image);
        var tol = new Zyx(tz, ty, tx);
        var pair = new ChannelPair(0, 1);
        var request = new MatchRequest { ShapeVoxels = Image, TolVoxels = tol, Threads = 1, Channels = [0, 1] };
        long matched = 0;
        for (ulong s = 1; s <= 6; s++)
        {
            Data(s, out var a, out var b);
            var full = model.Counts(a, b, bs => MatchEngine.Run(bs, request)[pair] ?? BlobMatch.Empty(), 12, (long)s, threads: 2);
            var fast = model.ExactCounts(a, b, tol, 12, (long)s, threads: 1);
            Assert.Equal(full.Select(x => string.Join(',', x)), fast.Select(x => string.Join(',', x)));
            Assert.Equal(fast.Select(x => string.Join(',', x)), model.ExactCounts(a, b, tol, 12, (long)s, threads: 3).Select(x => string.Join(',', x)));
            matched += fast.Sum(x => x.Sum());
        }
        Assert.True(matched > 1000, $"only {matched} null matches: the data set tests little");
    }
}
