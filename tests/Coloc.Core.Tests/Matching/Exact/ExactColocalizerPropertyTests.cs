using System.Globalization;
using Coloc.Core.Blobs;
using Coloc.Core.Matching.Exact;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using CsCheck;

namespace Coloc.Core.Tests.Matching.Exact;

/// <summary>
/// Properties of exact matching on random small inputs with integer coordinates (so equal distances and distances
/// exactly at the threshold are frequent): admissible, one-to-one, optimal against brute force, order independent.
/// </summary>
public sealed class ExactColocalizerPropertyTests
{
    private static readonly Zyx[] Tols = [new(2, 2, 2), new(3, 3, 2), new(1, 1, 1), new(2, 3, 3), new(1.5, 1.5, 1.5)];

    /// <summary>Two channels, up to 8 blobs each, integer coordinates in a box of edge 1..6, one of <see cref="Tols"/>.</summary>
    internal static readonly Gen<(Blob[] Blobs, Zyx Tol, int Seed)> SmallCase =
        from na in Gen.Int[0, 8]
        from nb in Gen.Int[0, 8]
        from box in Gen.Int[1, 6]
        from coords in Gen.Int[0, box].Array[3 * (na + nb)]
        from radius in Gen.Int[1, 2].Array[na + nb]
        from t in Gen.Int[0, Tols.Length - 1]
        from seed in Gen.Int
        select (Enumerable.Range(0, na + nb).Select(i => new Blob(
            coords[3 * i], coords[3 * i + 1], coords[3 * i + 2], radius[i], -1, -1, i < na ? 0 : 1)).ToArray(), Tols[t], seed);

    [Fact]
    public void Exact_RandomSmallCases_EveryPairAdmissibleAndOneToOne()
    {
        SmallCase.Sample(t =>
        {
            var rows = Run(t.Blobs, t.Tol, 1).Rows;
            var tol = new MatchTolerance(t.Tol);
            foreach (var r in rows)
            {
                Assert.True(r.Distance < tol.Threshold);
                Assert.Equal(tol.Distance(r.Blob1.Z, r.Blob1.Y, r.Blob1.X, r.Blob2.Z, r.Blob2.Y, r.Blob2.X), r.Distance);
                Assert.Equal(0, r.Blob1.Channel);
                Assert.Equal(1, r.Blob2.Channel);
            }
            // One-to-one: no blob (as a multiset element) is used more often than it occurs in the input.
            foreach (var side in new[] { rows.Select(r => r.Blob1), rows.Select(r => r.Blob2) })
                foreach (var g in side.GroupBy(b => b))
                    Assert.True(g.Count() <= t.Blobs.Count(b => b == g.Key));
        }, iter: 500);
    }

    [Fact]
    public void Exact_RandomSmallCases_CountAndTotalEqualBruteForce()
    {
        SmallCase.Sample(t =>
        {
            var a = t.Blobs.Where(b => b.Channel == 0).ToArray();
            var b = t.Blobs.Where(b => b.Channel == 1).ToArray();
            var (count, total) = BruteForceMatching.Optimum(a, b, t.Tol);
            var rows = Run(t.Blobs, t.Tol, 1).Rows;
            Assert.Equal(count, rows.Count);
            // Integer costs are round(d·2³²/thresh): the total may exceed the optimum by < pairs·thresh/2³².
            double slack = Math.Max(1, count) * t.Tol.Max / 4294967296.0 + 1e-12;
            Assert.InRange(rows.Sum(r => r.Distance), total - slack, total + slack);
        }, iter: 500);
    }

    [Fact]
    public void Exact_ShuffledRows_IdenticalOutput()
    {
        SmallCase.Sample(t =>
        {
            var shuffled = t.Blobs.ToArray();
            new Random(t.Seed).Shuffle(shuffled);
            Assert.Equal(Text(Run(t.Blobs, t.Tol, 1)), Text(Run(shuffled, t.Tol, 2)));
        }, iter: 300);
    }

    [Fact]
    public void Exact_RowsSortedByBlob1ThenBlob2()
    {
        SmallCase.Sample(t =>
        {
            var rows = Run(t.Blobs, t.Tol, 1).Rows;
            for (int i = 1; i < rows.Count; i++)
            {
                int c = BlobOrder.Compare(rows[i - 1].Blob1, rows[i].Blob1);
                Assert.True(c < 0 || (c == 0 && BlobOrder.Compare(rows[i - 1].Blob2, rows[i].Blob2) <= 0));
            }
        }, iter: 200);
    }

    internal static BlobMatch Run(Blob[] blobs, Zyx tol, int threads, ZyxInt? block = null)
    {
        var set = ExactColocalizer.Colocalize(blobs, new ExactMatchOptions { TolVoxels = tol, Threads = threads, BlockSizeVoxels = block, Channels = [0, 1] });
        return set[new ChannelPair(0, 1)] ?? BlobMatch.Empty();
    }

    internal static string Text(BlobMatch m) =>
        string.Join("\n", m.Rows.Select(r => string.Join(",",
            Enumerable.Range(0, 7).Select(k => r.Blob1[k]).Concat(Enumerable.Range(0, 7).Select(k => r.Blob2[k])).Append(r.Distance)
                .Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));
}
