using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Matching.Exact;
using CsCheck;

namespace Coloc.Core.Tests.Matching.Exact;

/// <summary>
/// Out-of-core exact matching gives the in-memory rows, in the same order, and the same multi-positive counts, for
/// random inputs (coincident blobs, long chains across slabs, 2 to 4 channels), slabs cut along z, y or x anywhere,
/// and any thread count.
/// </summary>
public sealed class SlabColocalizerPropertyTests
{
    private static readonly Zyx[] Tols = [new(2, 2, 2), new(3, 1.5, 1.5), new(1, 1, 1), new(0.5, 2, 2), new(1.5, 1.5, 1.5)];

    /// <summary>Up to 80 blobs, integer-ish coordinates (z in 0..16, y,x in 0..4, some halves), 2–4 channels, random cuts along a random axis.</summary>
    private static readonly Gen<(Blob[] Blobs, Zyx Tol, double[] Cuts, int Threads, int Seed, int Axis)> Case =
        from n in Gen.Int[0, 80]
        from channels in Gen.Int[2, 4]
        from zs in Gen.Int[0, 32].Array[n]
        from ys in Gen.Int[0, 4].Array[n]
        from xs in Gen.Int[0, 4].Array[n]
        from cs in Gen.Int[0, channels - 1].Array[n]
        from radius in Gen.Int[1, 2].Array[n]
        from t in Gen.Int[0, Tols.Length - 1]
        from cuts in Gen.Double[-1, 18].Array[0, 8]
        from threads in Gen.Int[1, 3]
        from seed in Gen.Int
        from axis in Gen.Int[0, 2]
        select (Enumerable.Range(0, n).Select(i => new Blob(zs[i] / 2.0, ys[i], xs[i], radius[i], -1, -1, cs[i])).ToArray(),
            Tols[t], cuts.Select(c => axis == 0 ? c : c / 3).Order().ToArray(), threads, seed, axis);

    [Fact]
    public void Slabs_RandomInputsAndCuts_SameRowsAsInMemory()
    {
        Case.Sample(c =>
        {
            var options = new ExactMatchOptions { TolVoxels = c.Tol, Threads = c.Threads };
            var expected = ExactColocalizer.Colocalize(c.Blobs, options with { Threads = 1 });
            var slabs = new SlabColocalizer(new ArraySlabSource(c.Blobs, c.Cuts, c.Seed, c.Axis), options);
            Assert.Equal(expected.Pairs.Select(p => p.Key), slabs.Pairs);
            foreach (var (pair, m) in expected.Pairs)
                Assert.Equal(m.Rows, slabs.Match(pair).SelectMany(s => s).ToArray());
            Assert.Equal(Text(expected.MultiPositive), Text(slabs.MultiPositive()));
        }, iter: 400);
    }

    [Fact]
    public void Slabs_RoiAndChannelFilter_SameRowsAsInMemory()
    {
        Case.Sample(c =>
        {
            var options = new ExactMatchOptions
            {
                TolVoxels = c.Tol, Threads = c.Threads, Channels = [0, 1, 3], Roi = new Box(new Zyx(2, 0, 1), new Zyx(11, 5, 3)),
            };
            var expected = ExactColocalizer.Colocalize(c.Blobs, options);
            var slabs = new SlabColocalizer(new ArraySlabSource(c.Blobs, c.Cuts, c.Seed, c.Axis), options);
            Assert.Equal(expected.Pairs.Select(p => p.Key), slabs.Pairs);
            foreach (var (pair, m) in expected.Pairs)
                Assert.Equal(m.Rows, slabs.Match(pair).SelectMany(s => s).ToArray());
            Assert.Equal(Text(expected.MultiPositive), Text(slabs.MultiPositive()));
        }, iter: 200);
    }

    [Fact]
    public void Slabs_ChainAcrossEverySlab_OneComponentSolvedOnce()
    {
        // Blobs alternating channels 0.9 voxel apart in z: one component spanning all 40 one-voxel slabs.
        var blobs = Enumerable.Range(0, 80).Select(i => new Blob(i * 0.9, 0, 0, 1, -1, -1, i % 2)).ToArray();
        var cuts = Enumerable.Range(1, 72).Select(k => (double)k).ToArray();
        var options = new ExactMatchOptions { TolVoxels = Zyx.All(1), Threads = 2 };
        var expected = ExactColocalizer.Colocalize(blobs, options).Pairs[0].Value.Rows;
        var rows = new SlabColocalizer(new ArraySlabSource(blobs, cuts, 1), options).Match(new ChannelPair(0, 1)).SelectMany(s => s).ToArray();
        Assert.Equal(40, rows.Length);
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void Slabs_ChainAcrossEveryYSlab_RowsMergedInTableOrder()
    {
        // A chain along y 0.9 voxel apart, z falling as y grows: every y slab's rows sort before the previous slab's.
        var blobs = Enumerable.Range(0, 80).Select(i => new Blob(80 - i, i * 0.9, 0, 1, -1, -1, i % 2)).ToArray();
        var cuts = Enumerable.Range(1, 72).Select(k => (double)k).ToArray();
        var options = new ExactMatchOptions { TolVoxels = new Zyx(100, 1, 1), Threads = 2 };
        var expected = ExactColocalizer.Colocalize(blobs, options).Pairs[0].Value.Rows;
        var rows = new SlabColocalizer(new ArraySlabSource(blobs, cuts, 1, axis: 1), options).Match(new ChannelPair(0, 1)).SelectMany(s => s).ToArray();
        Assert.Equal(40, rows.Length);
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void Slabs_SpreadAlongY_RowsMergedAcrossManyRuns()
    {
        // Independent pairs spread along y with z descending: each of the 20 y slabs closes its pairs at once, and
        // the table order (z first) interleaves all of them.
        var blobs = Enumerable.Range(0, 200).SelectMany(i => new[]
        {
            new Blob(i % 7, i * 3, i % 5, 1, -1, -1, 0), new Blob(i % 7 + 0.5, i * 3 + 0.5, i % 5, 1, -1, -1, 1),
        }).ToArray();
        var cuts = Enumerable.Range(1, 19).Select(k => k * 30.0).ToArray();
        var options = new ExactMatchOptions { TolVoxels = Zyx.All(1), Threads = 1 };
        var expected = ExactColocalizer.Colocalize(blobs, options).Pairs[0].Value.Rows;
        var rows = new SlabColocalizer(new ArraySlabSource(blobs, cuts, 3, axis: 1), options).Match(new ChannelPair(0, 1)).SelectMany(s => s).ToArray();
        Assert.Equal(200, rows.Length);
        Assert.Equal(expected, rows);
    }

    private static string Text(IReadOnlyList<MultiPositiveSet>? sets) =>
        sets is null ? "null" : string.Join(";", sets.Select(s => $"{s.Channel}:{string.Join(",", s.MatchedIn)}={s.Blobs}"));
}
