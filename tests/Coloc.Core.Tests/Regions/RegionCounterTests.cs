using Coloc.Core.Geometry;
using Coloc.Core.Regions;

namespace Coloc.Core.Tests.Regions;

public class RegionCounterTests
{
    [Fact]
    public void Sums_each_map_per_label_in_ascending_label_order()
    {
        // 1x2x3 labels, ids include a mirrored (negative) id and one above 2^31
        var labels = new LabelGrid(new ZyxInt(1, 2, 3), [0, -5, 5, 5, 4294967294, 0]);
        var scaler = new GridScaler(Zyx.All(1), labels.Shape);
        var c0 = HeatMapBuilder.Build(scaler, [new(0, 0, 1), new(0, 0, 1), new(0, 0, 2), new(0, 1, 1)]);
        var c1 = HeatMapBuilder.Build(scaler, [new(0, 0, 0), new(0, 1, 2), new(0, 1, 0)]);
        var m01 = HeatMapBuilder.Build(scaler, [new(0, 0, 1)]);

        var rows = RegionCounter.Count(labels, [c0, c1], [m01]);

        Assert.Equal([-5L, 0, 5, 4294967294], rows.Select(r => r.Label));
        Assert.Equal([1L, 2, 2, 1], rows.Select(r => r.Voxels));
        Assert.Equal([2L, 0], rows[0].Blobs);  // -5 at (0,0,1)
        Assert.Equal([0L, 2], rows[1].Blobs);  // 0 at (0,0,0) and (0,1,2)
        Assert.Equal([1L, 1], rows[2].Blobs);  // 5 at (0,0,2) and (0,1,0)
        Assert.Equal([1L, 0], rows[3].Blobs);  // 4294967294 at (0,1,1)
        Assert.Equal([1L, 0, 0, 0], rows.Select(r => r.Matches[0]));
    }

    [Fact]
    public void No_maps_still_gives_voxel_counts()
    {
        var labels = new LabelGrid(new ZyxInt(2, 1, 2), [3, 3, 1, 3]);
        var rows = RegionCounter.Count(labels, [], []);
        Assert.Equal([(1L, 1L), (3L, 3L)], rows.Select(r => (r.Label, r.Voxels)));
        Assert.All(rows, r => Assert.Empty(r.Blobs));
    }

    [Fact]
    public void A_map_of_another_shape_is_refused()
    {
        var labels = new LabelGrid(new ZyxInt(1, 1, 2), [1, 2]);
        var other = HeatMapBuilder.Build(new GridScaler(Zyx.All(1), new ZyxInt(1, 2, 1)), []);
        Assert.Throws<ArgumentException>(() => RegionCounter.Count(labels, [other], []));
    }

    [Fact]
    public void Labels_of_the_wrong_length_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new LabelGrid(new ZyxInt(1, 2, 2), [1, 2, 3]));
    }
}
