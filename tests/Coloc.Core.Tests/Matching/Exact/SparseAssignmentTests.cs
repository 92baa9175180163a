using Coloc.Core.Matching.Exact;
using CsCheck;

namespace Coloc.Core.Tests.Matching.Exact;

/// <summary>The per-component solver on hand-made graphs and against a wide-integer run of itself.</summary>
public sealed class SparseAssignmentTests
{
    [Fact]
    public void Solve_LaterRowCheaper_SwapsItIn()
    {
        // Two rows want the only column: row 0 costs 10, row 1 costs 3 → row 1 gets it (same count, lower total).
        var match = new int[2];
        new SparseAssignment<long>().Solve(2, 1, [0, 1, 2], [0, 0], [10, 3], match);
        Assert.Equal([-1, 0], match);
    }

    [Fact]
    public void Solve_AugmentingBeatsCheaperSingle_MaximisesCount()
    {
        // Row 0: col 0 (1) or col 1 (100); row 1: col 0 (1) only → both matched: row 0→1, row 1→0.
        var match = new int[2];
        new SparseAssignment<long>().Solve(2, 2, [0, 2, 3], [0, 1, 0], [1, 100, 1], match);
        Assert.Equal([1, 0], match);
    }

    [Fact]
    public void Solve_HugeCosts_OverflowIsReportedNotWrapped()
    {
        // Row 0 takes column 0 (cost M); row 1 then reaches free column 1 (cost M) and the potential of row 0 drops
        // by 2M, beyond the long range: the long solver must throw, the Int128 one must finish with both matched.
        long big = long.MaxValue / 2 + 10;
        int[] rowStart = [0, 1, 3], col = [0, 0, 1];
        long[] cost = [big, 0, big];
        var match = new int[2];
        Assert.Throws<OverflowException>(() => new SparseAssignment<long>().Solve(2, 2, rowStart, col, cost, match));
        new SparseAssignment<Int128>().Solve(2, 2, rowStart, col, cost, match);
        Assert.Equal([0, 1], match);
    }

    [Fact]
    public void Solve_RandomGraphs_LongAndInt128Agree()
    {
        var gen = from rows in Gen.Int[1, 12]
                  from cols in Gen.Int[1, 12]
                  from adj in Gen.Int[-1, 5].Array[rows * cols]
                  select (rows, cols, adj);
        gen.Sample(t =>
        {
            var rowStart = new int[t.rows + 1];
            var col = new List<int>();
            var cost = new List<long>();
            for (int r = 0; r < t.rows; r++)
            {
                for (int c = 0; c < t.cols; c++)
                    if (t.adj[r * t.cols + c] >= 0) { col.Add(c); cost.Add(t.adj[r * t.cols + c]); }
                rowStart[r + 1] = col.Count;
            }
            var m1 = new int[t.rows];
            var m2 = new int[t.rows];
            new SparseAssignment<long>().Solve(t.rows, t.cols, rowStart, col.ToArray(), cost.ToArray(), m1);
            new SparseAssignment<Int128>().Solve(t.rows, t.cols, rowStart, col.ToArray(), cost.ToArray(), m2);
            Assert.Equal(m1, m2);
        });
    }
}
