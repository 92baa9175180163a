using Coloc.Core.Geometry;
using Coloc.Core.Regions;

namespace Coloc.Core.Tests.Regions;

public class GridScalerTests
{
    // A 1x1x4 grid at scaling 0.5 along x: x·0.5 is rounded half to even, clipped at 3, below 0 outside.
    private static readonly GridScaler Half = new(new Zyx(1, 1, 0.5), new ZyxInt(1, 1, 4));

    [Theory]
    [InlineData(0.0, 0)]   // 0
    [InlineData(1.0, 0)]   // 0.5 -> 0 (even)
    [InlineData(3.0, 2)]   // 1.5 -> 2
    [InlineData(5.0, 2)]   // 2.5 -> 2 (even)
    [InlineData(1.2, 1)]   // 0.6 -> 1
    [InlineData(-1.0, 0)]  // -0.5 -> -0 -> 0, inside as in MagellanMapper
    [InlineData(4.9, 2)]   // 2.45 -> 2
    public void Rounds_half_to_even_inside(double x, long expected)
    {
        Assert.Equal(GridPlacement.Inside, Half.Place(new Zyx(0, 0, x), out long flat));
        Assert.Equal(expected, flat);
    }

    [Theory]
    [InlineData(7.0, GridPlacement.ClippedAtTop)]  // 3.5 -> 4 (even) -> clipped to 3
    [InlineData(100.0, GridPlacement.ClippedAtTop)] // far beyond
    [InlineData(6.5, GridPlacement.Inside)]        // 3.25 -> 3, the last index itself
    public void Clips_at_the_last_index(double x, GridPlacement expected)
    {
        Assert.Equal(expected, Half.Place(new Zyx(0, 0, x), out long flat));
        Assert.Equal(3, flat);
    }

    [Theory]
    [InlineData(-1.5)]   // -0.75 -> -1: MagellanMapper wraps to the last column; here outside
    [InlineData(-3.0)]   // -1.5 -> -2
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Below_zero_or_not_finite_is_outside(double x)
    {
        Assert.Equal(GridPlacement.Outside, Half.Place(new Zyx(0, 0, x), out long flat));
        Assert.Equal(-1, flat);
    }

    [Fact]
    public void Uses_the_float64_product_not_exact_arithmetic()
    {
        // 65.10416666666667 * 0.192 = 12.500000000000002 in float64 -> 13; exact arithmetic would give 12.5 -> 12.
        var s = new GridScaler(new Zyx(1, 0.192, 1), new ZyxInt(1, 48, 1));
        Assert.Equal(12.500000000000002, 65.10416666666667 * 0.192);
        s.Place(new Zyx(0, 65.10416666666667, 0), out long flat);
        Assert.Equal(13 * 1, flat);
    }

    [Fact]
    public void Flat_index_is_C_order_and_axes_are_independent()
    {
        var s = new GridScaler(new Zyx(0.25, 0.5, 1), new ZyxInt(2, 3, 4));
        // z 4*0.25=1, y 2*0.5=1, x 3 -> (1*3+1)*4+3 = 19
        Assert.Equal(GridPlacement.Inside, s.Place(new Zyx(4, 2, 3), out long flat));
        Assert.Equal(19, flat);
        // only z past the top: still counted, at z = 1
        Assert.Equal(GridPlacement.ClippedAtTop, s.Place(new Zyx(40, 0, 0), out flat));
        Assert.Equal(12, flat);
        // y below 0 with z past the top: outside wins
        Assert.Equal(GridPlacement.Outside, s.Place(new Zyx(40, -2, 0), out _));
    }

    [Fact]
    public void FromShapes_divides_labels_by_full_shape()
    {
        var s = GridScaler.FromShapes(new ZyxInt(100, 250, 250), new ZyxInt(30, 48, 48));
        Assert.Equal(new Zyx(30.0 / 100, 48.0 / 250, 48.0 / 250), s.Scaling);
        Assert.Equal(0.3, s.Scaling.Z);
        Assert.Equal(0.192, s.Scaling.Y);
        Assert.Equal(new ZyxInt(30, 48, 48), s.Shape);
    }
}
