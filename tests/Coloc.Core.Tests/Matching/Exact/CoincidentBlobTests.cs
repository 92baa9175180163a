using System.Diagnostics;
using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Matching.Exact;
using CsCheck;

namespace Coloc.Core.Tests.Matching.Exact;

/// <summary>
/// Exact matching of coincident blobs (many blobs at one point, as duplicated detections give): the grouped solver
/// equals the point-by-point one in pair count and total integer cost, and n coincident blobs per channel take time
/// close to linear in n.
/// </summary>
public sealed class CoincidentBlobTests
{
    /// <summary>
    /// Two channels, up to 6 sites on a small integer box, each site holding 0..12 blobs of each channel (radius 1 or
    /// 2, so copies are not all identical), one tolerance of <see cref="ExactColocalizerPropertyTests"/>.
    /// </summary>
    private static readonly Gen<(Blob[] Blobs, Zyx Tol)> StackedCase =
        from sites in Gen.Int[1, 6]
        from coords in Gen.Int[0, 3].Array[3 * sites]
        from counts in Gen.Int[0, 12].Array[2 * sites]
        from radii in Gen.Int[1, 2].Array[24 * sites]
        from tol in Gen.OneOfConst(new Zyx(2, 2, 2), new Zyx(1, 1, 1), new Zyx(3, 2, 2), new Zyx(1.5, 1.5, 1.5))
        select (Build(coords, counts, radii), tol);

    private static Blob[] Build(int[] coords, int[] counts, int[] radii)
    {
        var list = new List<Blob>();
        int r = 0;
        for (int s = 0; s < counts.Length / 2; s++)
            for (int ch = 0; ch < 2; ch++)
                for (int k = 0; k < counts[2 * s + ch]; k++)
                    list.Add(new Blob(coords[3 * s], coords[3 * s + 1], coords[3 * s + 2], radii[r++], -1, -1, ch));
        return list.ToArray();
    }

    [Fact]
    public void Grouped_StackedBlobs_SameCountAndIntegerTotalAsPointByPoint()
    {
        StackedCase.Sample(t =>
        {
            var grouped = Match(t.Blobs, t.Tol, group: true);
            var single = Match(t.Blobs, t.Tol, group: false);
            Assert.Equal(single.A.Length, grouped.A.Length);
            Assert.Equal(IntegerTotal(t.Blobs, single, t.Tol), IntegerTotal(t.Blobs, grouped, t.Tol));
            // One-to-one on blob indices, every pair admissible, channel 0 against channel 1.
            Assert.Equal(grouped.A.Length, grouped.A.Distinct().Count());
            Assert.Equal(grouped.B.Length, grouped.B.Distinct().Count());
            var tol = new MatchTolerance(t.Tol);
            for (int k = 0; k < grouped.A.Length; k++)
            {
                Blob p = t.Blobs[grouped.A[k]], q = t.Blobs[grouped.B[k]];
                Assert.Equal((0f, 1f), ((float)p.Channel, (float)q.Channel));
                Assert.True(tol.Distance(p.Z, p.Y, p.X, q.Z, q.Y, q.X) < tol.Threshold);
            }
        }, iter: 400);
    }

    [Fact]
    public void Grouped_StackedBlobsShuffled_IdenticalRows()
    {
        StackedCase.Sample(t =>
        {
            var shuffled = t.Blobs.ToArray();
            new Random(t.Blobs.Length).Shuffle(shuffled);
            Assert.Equal(ExactColocalizerPropertyTests.Text(ExactColocalizerPropertyTests.Run(t.Blobs, t.Tol, 1)),
                ExactColocalizerPropertyTests.Text(ExactColocalizerPropertyTests.Run(shuffled, t.Tol, 2)));
        }, iter: 200);
    }

    [Fact]
    public void Exact_100000IdenticalBlobsPerChannel_AllPairedAtDistanceZeroInSeconds()
    {
        const int N = 100_000;
        var blobs = new Blob[2 * N];
        for (int i = 0; i < 2 * N; i++) blobs[i] = new Blob(5, 7, 9, 2, -1, -1, i % 2);
        var clock = Stopwatch.StartNew();
        var rows = ExactColocalizerPropertyTests.Run(blobs, new Zyx(2, 2, 2), 2).Rows;
        clock.Stop();
        Assert.Equal(N, rows.Count);
        Assert.All(rows, r => Assert.Equal(0.0, r.Distance));
        // Point by point this is 10^10 candidate pairs; grouped it is one.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Exact_TwoStacksUnequalSizes_CheapestPairsFirst()
    {
        // Channel 0: 3 blobs at (0,0,0), 2 at (0,0,3). Channel 1: 4 at (0,0,1). Tolerance 1.5: only the first stack
        // reaches (distance 1) — 3 pairs; with tolerance 4 both reach (1 and 2): 4 pairs, the 3 nearer ones and one
        // from the farther stack.
        var blobs = Enumerable.Repeat(new Blob(0, 0, 0, 1, -1, -1, 0), 3)
            .Concat(Enumerable.Repeat(new Blob(0, 0, 3, 1, -1, -1, 0), 2))
            .Concat(Enumerable.Repeat(new Blob(0, 0, 1, 1, -1, -1, 1), 4)).ToArray();
        var near = ExactColocalizerPropertyTests.Run(blobs, new Zyx(1.5, 1.5, 1.5), 1).Rows;
        Assert.Equal([1.0, 1.0, 1.0], near.Select(r => r.Distance));
        var far = ExactColocalizerPropertyTests.Run(blobs, new Zyx(4, 4, 4), 1).Rows;
        Assert.Equal([1.0, 1.0, 1.0, 2.0], far.Select(r => r.Distance));
    }

    private static (int[] A, int[] B) Match(Blob[] blobs, Zyx tol, bool group)
    {
        var a = Enumerable.Range(0, blobs.Length).Where(i => blobs[i].Channel == 0).ToArray();
        var b = Enumerable.Range(0, blobs.Length).Where(i => blobs[i].Channel == 1).ToArray();
        var options = new ExactMatchOptions { TolVoxels = tol, Threads = 1, Channels = [0, 1] };
        return PairMatcher.Match(blobs, a, b, new MatchTolerance(tol), options, CancellationToken.None, group);
    }

    private static long IntegerTotal(Blob[] blobs, (int[] A, int[] B) m, Zyx tolVoxels)
    {
        var tol = new MatchTolerance(tolVoxels);
        var scale = new CostScale(tol.Threshold);
        long total = 0;
        for (int k = 0; k < m.A.Length; k++)
        {
            Blob p = blobs[m.A[k]], q = blobs[m.B[k]];
            total += scale.Quantize(tol.Distance(p.Z, p.Y, p.X, q.Z, q.Y, q.X));
        }
        return total;
    }
}
