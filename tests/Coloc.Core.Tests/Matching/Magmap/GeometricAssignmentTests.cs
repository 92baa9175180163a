using Coloc.Core.Matching;
using CsCheck;
using Coloc.Core.Matching.Magmap;

namespace Coloc.Core.Tests.Matching.Magmap;

/// <summary>
/// The lazy geometric solver must return exactly the dense solver's pairs (SciPy's algorithm on the materialised
/// matrix), ties included, for any point sets.
/// </summary>
public sealed class GeometricAssignmentTests
{
    private static readonly Gen<(double[] Z, double[] Y, double[] X)> Points =
        from n in Gen.Int[0, 40]
        from box in Gen.Int[1, 12]
        from z in Gen.Int[0, box].Array[n]
        from y in Gen.Int[0, box].Array[n]
        from x in Gen.Int[0, box].Array[n]
        select (z.Select(v => (double)v).ToArray(), y.Select(v => (double)v).ToArray(), x.Select(v => v * 1.5).ToArray());

    [Fact]
    public void Solve_RandomIntegerPointSets_SamePairsAsDense()
    {
        Gen.Select(Points, Points, Gen.Double[0.5, 30]).Sample(t =>
        {
            var (a, b, cell) = t;
            var (gr, gc) = GeometricAssignment.Solve(a, b, cell);
            var (dr, dc) = Dense(a, b);
            Assert.Equal(dr, gr);
            Assert.Equal(dc, gc);
        }, iter: 3000, seed: "7wPq1mZxK0a1");
    }

    [Fact]
    public void Solve_ClusteredDuplicatesAndFarOutliers_SamePairsAsDense()
    {
        // Many identical points (exact ties everywhere) plus far points that force long augmenting paths.
        var gen = from n in Gen.Int[1, 30]
                  from m in Gen.Int[1, 30]
                  from pa in Gen.Int[0, 3].Array[n * 3]
                  from pb in Gen.Int[0, 3].Array[m * 3]
                  from far in Gen.Int[0, 200]
                  select (P(pa, far), P(pb, 0));
        gen.Sample(t =>
        {
            var (a, b) = t;
            var (gr, gc) = GeometricAssignment.Solve(a, b, 1.0);
            var (dr, dc) = Dense(a, b);
            Assert.Equal(dr, gr);
            Assert.Equal(dc, gc);
        }, iter: 2000, seed: "3kQm9vLsT2b7");
    }

    private static (double[] Z, double[] Y, double[] X) P(int[] v, int far)
    {
        int n = v.Length / 3;
        var z = new double[n]; var y = new double[n]; var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            z[i] = v[3 * i] * 5.0;
            y[i] = v[3 * i + 1] + (i % 4 == 0 ? far : 0);
            x[i] = v[3 * i + 2];
        }
        return (z, y, x);
    }

    private static (int[] Rows, int[] Cols) Dense((double[] Z, double[] Y, double[] X) a, (double[] Z, double[] Y, double[] X) b)
    {
        int n = a.Z.Length, m = b.Z.Length;
        var cost = new double[n * m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                double dz = a.Z[i] - b.Z[j], dy = a.Y[i] - b.Y[j], dx = a.X[i] - b.X[j];
                double s = dz * dz;
                s += dy * dy;
                s += dx * dx;
                cost[i * m + j] = Math.Sqrt(s);
            }
        return LinearSumAssignment.Solve(cost, n, m);
    }
}
