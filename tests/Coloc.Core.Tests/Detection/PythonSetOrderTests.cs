using Coloc.Core.Detection;

namespace Coloc.Core.Tests.Detection;

public class PythonSetOrderTests
{
    [Fact]
    public void IterationOrder_ThirteenPairs_MatchesCPython311()
    {
        // python3.11: s = set(); [s.add(p) for p in added]; list(s)
        (int, int)[] added = [(0, 1), (0, 2), (1, 2), (0, 3), (2, 3), (5, 9), (3, 4), (1, 7), (6, 8), (2, 14), (10, 11), (11, 15), (0, 13)];
        (int, int)[] python = [(0, 1), (2, 14), (1, 2), (10, 11), (3, 4), (0, 13), (6, 8), (0, 3), (2, 3), (0, 2), (1, 7), (11, 15), (5, 9)];
        Assert.Equal(python, PythonSetOrder.IterationOrder(added).Select(k => added[k]));
    }

    [Fact]
    public void IterationOrder_237SortedPairs_MatchesCPython311Prefix()
    {
        // python3.11: random.seed(5); 300 random pairs of range(40), deduplicated, sorted, added in order.
        (int, int)[] prefix = [(16, 20), (16, 29), (16, 38), (7, 35), (18, 35), (22, 26), (17, 21), (8, 18), (20, 38), (9, 17), (11, 14), (2, 11)];
        var all = PairFixture.Pairs;
        Assert.Equal(237, all.Length);
        var order = PythonSetOrder.IterationOrder(all).Select(k => all[k]).Take(prefix.Length);
        Assert.Equal(prefix, order);
    }

    [Fact]
    public void TupleHash_KnownValues()
    {
        // python3.11: hash((0, 1)), hash((3, 4))
        Assert.Equal(unchecked((ulong)-1950498447580522560L), PythonSetOrder.TupleHash(0, 1));
        Assert.Equal(1079245023883434373UL, PythonSetOrder.TupleHash(3, 4));
    }
}
