using Coloc.Core.Matching;
using CsCheck;
using Coloc.Core.Matching.Magmap;

namespace Coloc.Core.Tests.Matching.Magmap;

public sealed class LinearSumAssignmentTests
{
    [Fact]
    public void Solve_QuirkSixExample_PicksMinimumTotalNotThresholdedPairs()
    {
        // Assignment before threshold (README, Differences from MagellanMapper, D2): the minimum total of
        // [[4.5, 5.0], [1.0, 4.5]] is 5.0 + 1.0 = 6.0 < 4.5 + 4.5, so with threshold 5 only one pair survives where two
        // were within it.
        var (r, c) = LinearSumAssignment.Solve([4.5, 5.0, 1.0, 4.5], 2, 2);
        Assert.Equal([0, 1], r);
        Assert.Equal([1, 0], c);
    }

    [Fact]
    public void Solve_EmptyMatrix_ReturnsNoPairs()
    {
        Assert.Empty(LinearSumAssignment.Solve([], 0, 5).Rows);
        Assert.Empty(LinearSumAssignment.Solve([], 3, 0).Cols);
    }

    [Fact]
    public void Solve_TallMatrix_ReturnsPairsSortedByRow()
    {
        // 3 rows, 2 cols: solved transposed; rows 2 and 0 are the cheap ones.
        var (r, c) = LinearSumAssignment.Solve([1, 9, 9, 9, 9, 1], 3, 2);
        Assert.Equal([0, 2], r);
        Assert.Equal([0, 1], c);
    }

    [Fact]
    public void Solve_AllEqualCosts_TakesUnassignedColumnsFromTheHighestIndexDown()
    {
        // With every cost equal, row 0 scans columns from the highest index down and keeps the first lowest
        // unless a later equal one is unassigned: all are unassigned, so the last scanned (column 0) wins.
        var (_, c) = LinearSumAssignment.Solve([1, 1, 1, 1, 1, 1], 2, 3);
        Assert.Equal(2, c.Distinct().Count());
        Assert.Equal(0, c[0]);
    }

    [Fact]
    public void Solve_NaN_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => LinearSumAssignment.Solve([double.NaN, 1], 1, 2));
    }

    [Fact]
    public void Solve_RandomSmallMatricesWithTies_ReachesBruteForceOptimum()
    {
        var gen = from rows in Gen.Int[1, 5]
                  from cols in Gen.Int[1, 5]
                  from values in Gen.Int[0, 3].Array[rows * cols]
                  select (rows, cols, values.Select(v => (double)v).ToArray());
        gen.Sample(t =>
        {
            var (rows, cols, cost) = t;
            var (r, c) = LinearSumAssignment.Solve(cost, rows, cols);
            Assert.Equal(Math.Min(rows, cols), r.Length);
            Assert.Equal(r.Length, r.Distinct().Count());
            Assert.Equal(c.Length, c.Distinct().Count());
            Assert.True(r.Zip(r.Skip(1)).All(p => p.First < p.Second), "rows ascending");
            double total = r.Select((ri, k) => cost[ri * cols + c[k]]).Sum();
            Assert.Equal(BruteForce(cost, rows, cols), total);
        }, iter: 2000, seed: "0N0XIzNsQ0O2");
    }

    private static double BruteForce(double[] cost, int rows, int cols)
    {
        bool transpose = rows > cols;
        int n = Math.Min(rows, cols), m = Math.Max(rows, cols);
        double C(int i, int j) => transpose ? cost[j * cols + i] : cost[i * cols + j];
        double best = double.PositiveInfinity;
        void Go(int i, bool[] used, double acc)
        {
            if (i == n) { best = Math.Min(best, acc); return; }
            for (int j = 0; j < m; j++)
                if (!used[j]) { used[j] = true; Go(i + 1, used, acc + C(i, j)); used[j] = false; }
        }
        Go(0, new bool[m], 0);
        return best;
    }
}
