using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Profiles;
using Coloc.Core.Matching.Magmap;

namespace Coloc.Core.Tests.Matching.Magmap;

public sealed class StackGeometryTests
{
    [Fact]
    public void Split_MagellanMapperTestVector_TwentyBlocksWithOverlap()
    {
        // tests/test_chunking.py: shape (5,4,4), max pixels (1,3,3), overlap (0,1,1).
        var blocks = StackSplitter.Split(new ZyxInt(5, 4, 4), new ZyxInt(1, 3, 3), new ZyxInt(0, 1, 1));
        Assert.Equal(20, blocks.Length);
        Assert.Equal(new ZyxInt(0, 0, 0), blocks[0].Offset);
        Assert.Equal(new ZyxInt(1, 4, 4), blocks[0].Shape);
        Assert.Equal(new ZyxInt(0, 3, 3), blocks[3].Offset);
        Assert.Equal(new ZyxInt(1, 1, 1), blocks[3].Shape);
        Assert.Equal(Enumerable.Range(0, 20), blocks.Select(b => b.Index));
    }

    [Fact]
    public void Split_HugeGrid_IsRefusedWithClearMessage()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            StackSplitter.Split(new ZyxInt(1_000_000, 1_000_000, 1_000_000), new ZyxInt(500, 500, 500), new ZyxInt(10, 10, 10)));
        Assert.Contains("blocks", e.Message);
    }

    [Fact]
    public void Geometry_DefaultProfileFiveMicronZ_ReproducesAxisMixUp()
    {
        // Hand-derived: resolution (5,1,1) µm, default profile -> overlap base ceil(5 / res) = (1,5,5) = tolerance;
        // the block overlap adds the x,y,z padding (5,5,1) to the z,y,x base: (6,10,6), not the intended (2,10,10)
        // (README, Differences from MagellanMapper, D4).
        var g = new MagmapBlockGeometry(RoiProfiles.Default, new Zyx(5, 1, 1));
        Assert.Equal(new ZyxInt(1, 5, 5), g.OverlapBase);
        Assert.Equal(new Zyx(1, 5, 5), g.MatchTolVoxels);
        Assert.Equal(new ZyxInt(100, 500, 500), g.MaxPixels);
        Assert.Equal(new ZyxInt(6, 10, 6), g.CollocOverlap);
        Assert.Equal(new ZyxInt(2, 10, 10), new MagmapBlockGeometry(RoiProfiles.Default, new Zyx(5, 1, 1), correctedOverlap: true).CollocOverlap);
    }

    [Fact]
    public void Geometry_LightsheetFiveMicronZ_ToleranceAndOverlap()
    {
        // Hand-derived for lightsheet at (5,1,1) µm: tolerance (3,6,6), threshold max = 6, scaling 6 / tol = (2,1,1),
        // overlap reverse((6+1, 6+5, 3+5)) = (8,11,7) (README, Differences from MagellanMapper, D4), max pixels
        // (30,150,150).
        var g = new MagmapBlockGeometry(RoiProfiles.Resolve("lightsheet"), new Zyx(5, 1, 1));
        Assert.Equal(new Zyx(3, 6, 6), g.MatchTolVoxels);
        var t = new MatchTolerance(g.MatchTolVoxels);
        Assert.Equal(6, t.Threshold);
        Assert.Equal(new Zyx(2, 1, 1), t.Scaling);
        Assert.Equal(new ZyxInt(8, 11, 7), g.CollocOverlap);
        Assert.Equal(new ZyxInt(30, 150, 150), g.MaxPixels);
    }

    [Fact]
    public void Resolve_UnknownProfile_NamesIt()
    {
        var e = Assert.Throws<ArgumentException>(() => RoiProfiles.Resolve("default,nope"));
        Assert.Contains("nope", e.Message);
    }

    [Fact]
    public void Resolve_ProfilesApplyLeftToRight()
    {
        Assert.Equal(50, RoiProfiles.Resolve("lightsheet,20x").SegmentSize);
        Assert.Equal(150, RoiProfiles.Resolve("20x,lightsheet").SegmentSize);
    }

    [Fact]
    public void Prune_SamePairFromTwoBlocks_KeepsOneRow()
    {
        var a = new Blob(5, 505, 50, 3, -1, -1, 0);
        var b = new Blob(5, 506, 50, 3, -1, -1, 1);
        var other = new Blob(5, 100, 50, 3, -1, -1, 0);
        var other2 = new Blob(5, 101, 50, 3, -1, -1, 1);
        MatchRow[] rows = [MatchRow.Of(a, b, 1), MatchRow.Of(other, other2, 1), MatchRow.Of(a, b, 1)];
        var pruned = DuplicatePruner.Prune(rows);
        Assert.Equal(2, pruned.Length);
        // Singles first in coordinate order, then the repeated coordinate's first minimum row.
        Assert.Equal(other, pruned[0].Blob1);
        Assert.Equal(a, pruned[1].Blob1);
    }

    [Fact]
    public void Prune_NoRepeats_LeavesOrderUnchanged()
    {
        var rows = Enumerable.Range(0, 5).Reverse()
            .Select(i => MatchRow.Of(new Blob(i, 0, 0, 1, -1, -1, 0), new Blob(i, 1, 0, 1, -1, -1, 1), 1)).ToArray();
        Assert.Same(rows, DuplicatePruner.Prune(rows));
    }

    [Fact]
    public void Prune_RepeatedBlobWithUnequalDistances_KeepsTheCloserRow()
    {
        var a = new Blob(5, 5, 5, 3, -1, -1, 0);
        MatchRow[] rows = [MatchRow.Of(a, new Blob(5, 5, 8, 3, -1, -1, 1), 3), MatchRow.Of(a, new Blob(5, 5, 6, 3, -1, -1, 1), 1)];
        var pruned = DuplicatePruner.Prune(rows);
        Assert.Single(pruned);
        Assert.Equal(1, pruned[0].Distance);
    }
}
