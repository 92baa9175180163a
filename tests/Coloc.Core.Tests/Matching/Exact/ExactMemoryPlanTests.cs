using Coloc.Core.Geometry;
using Coloc.Core.Matching.Exact;

namespace Coloc.Core.Tests.Matching.Exact;

/// <summary>Slab counts and the cut axis of out-of-core exact runs.</summary>
public sealed class ExactMemoryPlanTests
{
    [Fact]
    public void CutAxis_ThinStackManySlabs_CutsAlongY()
    {
        // 64 planes in 23 slabs: 2.8 planes each, thinner than a z tolerance of 3; y slabs are 1,167 voxels thick.
        Assert.Equal(1, ExactMemoryPlan.CutAxis(new Zyx(64, 26833, 26833), new Zyx(3, 2, 2), 23));
    }

    [Fact]
    public void CutAxis_ZSlabsFourTolerancesThick_StaysOnZ()
    {
        Assert.Equal(0, ExactMemoryPlan.CutAxis(new Zyx(1200, 26833, 26833), new Zyx(3, 1, 1), 100));
        Assert.Equal(0, ExactMemoryPlan.CutAxis(new Zyx(64, 6000, 6000), new Zyx(3, 2, 2), 1));
    }

    [Fact]
    public void CutAxis_XThickestInTolerances_CutsAlongX()
    {
        Assert.Equal(2, ExactMemoryPlan.CutAxis(new Zyx(10, 100, 1000), new Zyx(1, 1, 1), 10));
        Assert.Equal(1, ExactMemoryPlan.CutAxis(new Zyx(10, 1000, 1000), new Zyx(1, 1, 1), 10));
    }

    [Fact]
    public void SlabCount_CeilingOfPlannedBytesOverBudget()
    {
        Assert.Equal(1, ExactMemoryPlan.SlabCount(0, 1 << 20));
        Assert.Equal(23, ExactMemoryPlan.SlabCount(40_000_000, 2048L << 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExactMemoryPlan.SlabCount(10, 0));
    }
}
