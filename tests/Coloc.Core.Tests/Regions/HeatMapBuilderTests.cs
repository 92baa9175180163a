using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Regions;
using CsCheck;

namespace Coloc.Core.Tests.Regions;

public class HeatMapBuilderTests
{
    private static readonly GridScaler Quarter = new(Zyx.All(0.25), new ZyxInt(2, 2, 2));

    private static Blob B(double z, double y, double x, int ch) => new(z, y, x, 1, -1, -1, ch);

    [Fact]
    public void Counts_per_voxel_and_reports_negative_indices_apart()
    {
        Zyx[] coords =
        [
            new(0, 0, 0),     // (0,0,0)
            new(2, 2, 2),     // 0.5 -> 0: (0,0,0)
            new(6, 0, 0),     // 1.5 -> 2 -> clipped 1: (1,0,0)
            new(4, 4, 4),     // (1,1,1)
            new(-3, 4, 4),    // -0.75 -> -1: outside (MagellanMapper: wraps to z = 1)
            new(4, 4, 100),   // x clipped: (1,1,1)
        ];
        var h = HeatMapBuilder.Build(Quarter, coords);
        Assert.Equal([2, 0, 0, 0, 1, 0, 0, 2], h.Counts.ToArray());
        Assert.Equal([4], h.Outside);
        Assert.Equal(2, h.ClippedAtTop);
        Assert.Equal(5, h.Total);
        Assert.Equal(2, h.Max);
    }

    [Fact]
    public void Channel_map_keeps_one_channel_and_positions_in_the_input()
    {
        Blob[] blobs = [B(0, 0, 0, 0), B(0, 0, 0, 1), B(-4, 0, 0, 1), B(4, 4, 4, 1)];
        var h = HeatMapBuilder.ForChannel(Quarter, blobs, 1);
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 1], h.Counts.ToArray());
        Assert.Equal([2], h.Outside);
    }

    [Fact]
    public void Match_map_counts_channel_a_blob_of_each_pair()
    {
        var m = new BlobMatch([MatchRow.Of(B(0, 0, 0, 0), B(4, 4, 4, 1), 1), MatchRow.Of(B(0, 0, 4, 0), B(4, 4, 4, 1), 1)]);
        var h = HeatMapBuilder.ForMatches(Quarter, m);
        Assert.Equal([1, 1, 0, 0, 0, 0, 0, 0], h.Counts.ToArray());
    }

    [Fact]
    public void A_pair_without_matches_gives_zeros()
    {
        foreach (var m in new[] { null, BlobMatch.Empty() })
        {
            var h = HeatMapBuilder.ForMatches(Quarter, m);
            Assert.Equal(8, h.Counts.Length);
            Assert.All(h.Counts.ToArray(), c => Assert.Equal(0, c));
            Assert.Equal(0, h.Total);
            Assert.Empty(h.Outside);
        }
    }

    [Fact]
    public void Total_equals_blobs_inside_whatever_their_order()
    {
        var gen = from z in Gen.Int[1, 5]
                  from y in Gen.Int[1, 5]
                  from x in Gen.Int[1, 5]
                  from sz in Gen.Double[0.05, 1.5]
                  from sx in Gen.Double[0.05, 1.5]
                  from pts in Gen.Select(Gen.Double[-20, 40], Gen.Double[-20, 40], Gen.Double[-20, 40]).Array[0, 60]
                  from seed in Gen.Int[0, 1_000_000]
                  select (shape: new ZyxInt(z, y, x), scaling: new Zyx(sz, sx, sx), pts, seed);
        gen.Sample(t =>
        {
            var scaler = new GridScaler(t.scaling, t.shape);
            var coords = t.pts.Select(p => new Zyx(p.Item1, p.Item2, p.Item3)).ToArray();
            // "inside" counted independently: every axis rounds (half to even) to >= 0
            int inside = coords.Count(c =>
                Math.Round(c.Z * t.scaling.Z) >= 0 && Math.Round(c.Y * t.scaling.Y) >= 0 && Math.Round(c.X * t.scaling.X) >= 0);
            var h = HeatMapBuilder.Build(scaler, coords);
            var sum = 0L;
            foreach (int c in h.Counts) sum += c;
            Assert.Equal(inside, sum);
            Assert.Equal(inside, h.Total);
            Assert.Equal(coords.Length - inside, h.Outside.Count);

            var shuffled = (Zyx[])coords.Clone();
            new Random(t.seed).Shuffle(shuffled);
            var h2 = HeatMapBuilder.Build(scaler, shuffled);
            Assert.Equal(h.Counts.ToArray(), h2.Counts.ToArray());
            Assert.Equal(h.Outside.Count, h2.Outside.Count);
        });
    }
}
