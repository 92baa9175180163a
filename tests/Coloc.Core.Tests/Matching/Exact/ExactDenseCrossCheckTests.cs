using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using CsCheck;
using Coloc.Core.Matching.Magmap;

namespace Coloc.Core.Tests.Matching.Exact;

/// <summary>
/// Larger random cases (up to 60 blobs per side in small boxes, so components are big and full of alternating paths)
/// against a dense square assignment with "unmatched" stand-ins: pair = distance, inadmissible = ∞, unmatched =
/// U = (nA + nB + 1)·max(tol) (one more pair always wins), stand-in to stand-in = 0.
/// </summary>
public sealed class ExactDenseCrossCheckTests
{
    [Fact]
    public void Exact_DenseRandomCases_CountAndTotalEqualDenseAssignment()
    {
        var gen = from na in Gen.Int[1, 60]
                  from nb in Gen.Int[1, 60]
                  from box in Gen.Int[2, 9]
                  from c in Gen.Int[0, box].Array[3 * (na + nb)]
                  select Enumerable.Range(0, na + nb).Select(i => new Blob(c[3 * i], c[3 * i + 1], c[3 * i + 2], 1, -1, -1, i < na ? 0 : 1)).ToArray();
        gen.Sample(blobs =>
        {
            var tol = new Zyx(3, 3, 2);
            var rows = ExactColocalizerPropertyTests.Run(blobs, tol, 2).Rows;
            var (count, total) = Dense(blobs.Where(b => b.Channel == 0).ToArray(), blobs.Where(b => b.Channel == 1).ToArray(), tol);
            Assert.Equal(count, rows.Count);
            double slack = Math.Max(1, count) * tol.Max / 4294967296.0 + 1e-9;
            Assert.InRange(rows.Sum(r => r.Distance), total - slack, total + slack);
        }, iter: 150);
    }

    private static (int, double) Dense(Blob[] a, Blob[] b, Zyx tolVoxels)
    {
        var tol = new MatchTolerance(tolVoxels);
        int na = a.Length, nb = b.Length, n = na + nb;
        double u = (n + 1) * tol.Threshold;
        var cost = new double[n * n];
        Array.Fill(cost, double.PositiveInfinity);
        for (int i = 0; i < na; i++)
        {
            for (int j = 0; j < nb; j++)
            {
                double d = tol.Distance(a[i].Z, a[i].Y, a[i].X, b[j].Z, b[j].Y, b[j].X);
                if (d < tol.Threshold) cost[i * n + j] = d;
            }
            cost[i * n + nb + i] = u;
        }
        for (int j = 0; j < nb; j++)
        {
            cost[(na + j) * n + j] = u;
            for (int i = 0; i < na; i++) cost[(na + j) * n + nb + i] = 0;
        }
        var (r, c) = LinearSumAssignment.Solve(cost, n, n);
        int count = 0;
        double total = 0;
        for (int k = 0; k < r.Length; k++)
            if (r[k] < na && c[k] < nb) { count++; total += cost[r[k] * n + c[k]]; }
        return (count, total);
    }
}
