using Coloc.Core.Geometry;
using Coloc.Core.Pipeline;
using CsCheck;

namespace Coloc.Core.Tests.Geometry;

public class BlockGridTests
{
    [Fact]
    public void Core_ZMajorNumbering_KnownBlocks()
    {
        var g = new BlockGrid(new ZyxInt(10, 7, 5), new ZyxInt(4, 4, 4));
        Assert.Equal(new ZyxInt(3, 2, 2), g.Counts);
        Assert.Equal(12, g.Count);
        var b5 = g.Core(5); // z=1, y=0, x=1
        Assert.Equal(new ZyxInt(1, 0, 1), b5.Coord);
        Assert.Equal(new ZyxInt(4, 0, 4), b5.Offset);
        Assert.Equal(new ZyxInt(4, 4, 1), b5.Shape);
        var r5 = g.Grow(b5, new ZyxInt(2, 1, 0));
        Assert.Equal(new ZyxInt(2, 0, 4), r5.Offset);
        Assert.Equal(new ZyxInt(8, 5, 1), r5.Shape);
        Assert.Equal(new ZyxInt(8, 4, 4), g.Core(11).Offset);
        Assert.Equal(new ZyxInt(2, 3, 1), g.Core(11).Shape);
    }

    [Fact]
    public void OwnerOf_AnyGrid_EveryVoxelOwnedByExactlyTheCoreContainingIt()
    {
        var dims = Gen.Int[1, 13];
        Gen.Select(dims, dims, dims, Gen.Select(dims, dims, dims)).Sample((z, y, x, core) =>
        {
            var g = new BlockGrid(new ZyxInt(z, y, x), new ZyxInt(core.Item1, core.Item2, core.Item3));
            var counts = new int[g.Count];
            for (int a = 0; a < z; a++)
                for (int b = 0; b < y; b++)
                    for (int c = 0; c < x; c++)
                    {
                        var p = new Zyx(a + 0.5 * ((a + b + c) % 2), b, c);
                        int o = g.OwnerOf(p);
                        if (o < 0 || !g.Core(o).Box.Contains(p)) return false;
                        counts[o]++;
                    }
            long total = 0;
            for (int i = 0; i < g.Count; i++) total += g.Core(i).Shape.Volume;
            return total == (long)z * y * x && counts.Zip(Enumerable.Range(0, g.Count)).All(t => t.First == g.Core(t.Second).Shape.Volume);
        }, iter: 300);
    }

    [Theory]
    [InlineData(-0.5, 0, 0)]
    [InlineData(10, 0, 0)]
    [InlineData(0, 7, 0)]
    [InlineData(double.NaN, 0, 0)]
    public void OwnerOf_OutsideImage_MinusOne(double z, double y, double x) =>
        Assert.Equal(-1, new BlockGrid(new ZyxInt(10, 7, 5), new ZyxInt(4, 4, 4)).OwnerOf(new Zyx(z, y, x)));

    [Fact]
    public void Constructor_TooManyBlocks_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlockGrid(new ZyxInt(100000, 100000, 100000), new ZyxInt(1, 1, 1)));
}
