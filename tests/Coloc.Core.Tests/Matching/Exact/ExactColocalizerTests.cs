using Coloc.Core.Blobs;
using Coloc.Core.Matching.Exact;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;

namespace Coloc.Core.Tests.Matching.Exact;

/// <summary>Known answers of exact matching, worked out by hand.</summary>
public sealed class ExactColocalizerTests
{
    private static Blob B(double x, int channel, double y = 0, double z = 0) => new(z, y, x, 1, -1, -1, channel);

    [Fact]
    public void Exact_NearestWouldStealPartner_TakesBothPairs()
    {
        // tol 2: A0 (x=0) is nearest to B (x=1.5) but only A0 can reach B' (x=-1.9); A1 (x=3) reaches only B.
        var blobs = new[] { B(0, 0), B(3, 0), B(1.5, 1), B(-1.9, 1) };
        var rows = ExactColocalizerPropertyTests.Run(blobs, Zyx.All(2), 1).Rows;
        Assert.Equal(2, rows.Count);
        Assert.Equal((0.0, -1.9), (rows[0].Blob1.X, rows[0].Blob2.X));
        Assert.Equal((3.0, 1.5), (rows[1].Blob1.X, rows[1].Blob2.X));
        Assert.Equal(1.9 + 1.5, rows.Sum(r => r.Distance), 12);
    }

    [Fact]
    public void Exact_DistanceExactlyAtThreshold_NotAdmissible()
    {
        var blobs = new[] { B(0, 0), B(2, 1), B(10, 0), B(11.999999999999998, 1) };
        var rows = ExactColocalizerPropertyTests.Run(blobs, Zyx.All(2), 1).Rows;
        Assert.Single(rows);
        Assert.Equal(10, rows[0].Blob1.X);
    }

    [Fact]
    public void Exact_EqualCountAlternatives_SmallestTotalWins()
    {
        // One B between two A: the closer A (distance 0.5) is matched, whatever the row order.
        var blobs = new[] { B(0, 0), B(1.5, 0), B(1, 1) };
        foreach (var order in new[] { blobs, blobs.Reverse().ToArray() })
        {
            var rows = ExactColocalizerPropertyTests.Run(order, Zyx.All(2), 1).Rows;
            Assert.Single(rows);
            Assert.Equal(1.5, rows[0].Blob1.X);
            Assert.Equal(0.5, rows[0].Distance);
        }
    }

    [Fact]
    public void Exact_AnisotropicTolerance_ScalesAxesAsMagellanMapper()
    {
        // tol (3,3,2): x is scaled by 1.5, so 2 px in x is 3.0 (out) and 1 px in x plus 2 in y is sqrt(6.25) = 2.5 (in).
        var blobs = new[] { B(0, 0), B(2, 1), B(20, 0, 0), B(21, 1, 2) };
        var rows = ExactColocalizerPropertyTests.Run(blobs, new Zyx(3, 3, 2), 1).Rows;
        Assert.Single(rows);
        Assert.Equal(2.5, rows[0].Distance);
    }

    [Fact]
    public void Exact_Roi_OnlyBlobsInsideTakePart()
    {
        var blobs = new[] { B(0, 0), B(0.5, 1), B(5, 0), B(5.5, 1) };
        var set = ExactColocalizer.Colocalize(blobs, new ExactMatchOptions
        {
            TolVoxels = Zyx.All(2), Roi = new Box(new Zyx(0, 0, 4), new Zyx(1, 1, 2)), Threads = 1,
        });
        var rows = set[new ChannelPair(0, 1)]!.Rows;
        Assert.Single(rows);
        Assert.Equal(5, rows[0].Blob1.X);
    }

    [Fact]
    public void Exact_ThreeChannels_CountsMultiPositiveBlobs()
    {
        // c0 at x=0 is matched in c1 and c2; c0 at x=10 only in c1; c1 at x=0.5 matched in c0 and c2.
        var blobs = new[] { B(0, 0), B(10, 0), B(0.5, 1), B(10.5, 1), B(0.2, 2) };
        var set = ExactColocalizer.Colocalize(blobs, new ExactMatchOptions { TolVoxels = Zyx.All(2), Threads = 1 });
        Assert.Equal(3, set.Pairs.Count);
        var mp = set.MultiPositive!;
        Assert.Equal(3, mp.Count);
        Assert.Equal(new MultiPositiveSet(0, [1, 2], 1), mp[0] with { MatchedIn = mp[0].MatchedIn.ToArray() }, MultiPositiveComparer);
        Assert.Equal(1, mp.Single(s => s.Channel == 1).Blobs);
        Assert.Equal(1, mp.Single(s => s.Channel == 2).Blobs);
        Assert.Equal([0, 1], mp.Single(s => s.Channel == 2).MatchedIn);
    }

    [Fact]
    public void Exact_TwoChannels_NoMultiPositiveSection()
    {
        var set = ExactColocalizer.Colocalize([B(0, 0), B(0.5, 1)], new ExactMatchOptions { TolVoxels = Zyx.All(2), Threads = 1 });
        Assert.Null(set.MultiPositive);
    }

    [Fact]
    public void Exact_FarOutliers_GridStaysSmallAndPairsAreFound()
    {
        // Coordinates spanning 1e300 must not blow up the grid (its cells widen) and must not hide near pairs.
        var blobs = new[] { B(0, 0), B(0.5, 1), B(1e300, 0), B(1e300, 1), B(-1e300, 0, 1e300) };
        var rows = ExactColocalizerPropertyTests.Run(blobs, Zyx.All(2), 1).Rows;
        Assert.Equal(2, rows.Count);
        Assert.Equal(0.5, rows[0].Distance);
        Assert.Equal(0, rows[1].Distance);
    }

    [Fact]
    public void Exact_NonFiniteCoordinate_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => ExactColocalizerPropertyTests.Run([B(0, 0), B(double.NaN, 1)], Zyx.All(2), 1));
        Assert.Contains("blob 1", e.Message);
    }

    [Fact]
    public void Exact_BadOptions_Throw()
    {
        Assert.Throws<ArgumentException>(() => ExactColocalizer.Colocalize([], new ExactMatchOptions { TolVoxels = new Zyx(1, 0, 1) }));
        Assert.Throws<ArgumentException>(() => ExactColocalizer.Colocalize([], new ExactMatchOptions { TolVoxels = Zyx.All(1), Threads = 0 }));
    }

    private static readonly IEqualityComparer<MultiPositiveSet> MultiPositiveComparer = EqualityComparer<MultiPositiveSet>.Create(
        (x, y) => x!.Channel == y!.Channel && x.Blobs == y.Blobs && x.MatchedIn.SequenceEqual(y.MatchedIn), s => s.Channel);
}
