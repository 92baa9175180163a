using Coloc.Core.Geometry;
using Coloc.Core.Regions;

namespace Coloc.Oracle.Tests.Regions;

/// <summary>
/// Heat maps and per-label counts against MagellanMapper's (oracle group R). Where MagellanMapper wraps a negative
/// index to the far side of an axis (README: Differences from MagellanMapper), the expected map is MagellanMapper's
/// with the voxels those wrapped coordinates reached recounted from MagellanMapper's own in-image indices
/// (<c>scaled_coords.csv</c>); every other voxel must equal MagellanMapper's exactly.
/// </summary>
public class RegionGoldenTests
{
    [Theory]
    [MemberData(nameof(RegionCase.Names), MemberType = typeof(RegionCase))]
    public void Scaling_from_the_shapes_is_the_oracle_scaling(string name)
    {
        var c = RegionCase.Load(name);
        var s = GridScaler.FromShapes(c.FullShape, c.LabelsShape);
        Assert.Equal(c.Scaling, s.Scaling);
    }

    [Theory]
    [MemberData(nameof(RegionCase.Names), MemberType = typeof(RegionCase))]
    public void Heat_maps_equal_MagellanMapper(string name)
    {
        var c = RegionCase.Load(name);
        foreach (var (map, ours, coords) in Maps(c))
        {
            var expected = c.Expected(map);
            Assert.True(expected.Shape.SequenceEqual([c.LabelsShape.Z, c.LabelsShape.Y, c.LabelsShape.X]), $"{name} {map}: shape");
            var (adjusted, outside) = Adjust(c.LabelsShape, expected.Values, coords);
            Assert.Equal(outside, ours.Outside.ToArray());
            var got = ours.Counts.ToArray().Select(v => (long)v).ToArray();
            for (int v = 0; v < got.Length; v++)
                Assert.True(adjusted[v] == got[v], $"{name} {map}: voxel {v} expected {adjusted[v]} (MagellanMapper {expected.Values[v]}), got {got[v]}");
            Assert.Equal(adjusted.Sum(), ours.Total);
        }
    }

    [Theory]
    [MemberData(nameof(RegionCase.Names), MemberType = typeof(RegionCase))]
    public void Region_counts_equal_MagellanMapper(string name)
    {
        var c = RegionCase.Load(name);
        var labels = new LabelGrid(c.LabelsShape, c.LabelIds);
        var maps = Maps(c).ToList();
        var channelMaps = maps.Where(m => !m.Map.StartsWith("match_", StringComparison.Ordinal)).ToList();
        var pairMaps = maps.Where(m => m.Map.StartsWith("match_", StringComparison.Ordinal)).ToList();

        var rows = RegionCounter.Count(labels, channelMaps.Select(m => m.Ours).ToList(), pairMaps.Select(m => m.Ours).ToList());

        var csv = c.RegionCounts;
        Assert.Equal(csv.Rows.Length, rows.Length);
        var wrappedExcess = WrappedExcess(c, maps);
        long Want(int row, string col, string map, long label) =>
            (long)csv.Num(row, col) - wrappedExcess.GetValueOrDefault((map, label));

        for (int i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            long label = (long)csv.Num(i, "label");
            Assert.Equal(label, r.Label);
            Assert.Equal((long)csv.Num(i, "voxels"), r.Voxels);
            for (int k = 0; k < channelMaps.Count; k++)
                Assert.True(Want(i, "blobs_" + channelMaps[k].Map, channelMaps[k].Map, label) == r.Blobs[k], $"{name} label {label} {channelMaps[k].Map}");
            for (int k = 0; k < pairMaps.Count; k++)
            {
                var col = "matches_" + pairMaps[k].Map["match_".Length..];
                Assert.True(Want(i, col, pairMaps[k].Map, label) == r.Matches[k], $"{name} label {label} {col}");
            }
        }
    }

    /// <summary>Per (map, label): what MagellanMapper counted at voxels reached by wrapped negative indices, beyond the in-image coordinates there.</summary>
    private static Dictionary<(string, long), long> WrappedExcess(RegionCase c, IEnumerable<(string Map, HeatMap Ours, (long Z, long Y, long X)[] Magmap)> maps)
    {
        var excess = new Dictionary<(string, long), long>();
        foreach (var (map, _, coords) in maps)
        {
            var expected = c.Expected(map).Values;
            var (adjusted, _) = Adjust(c.LabelsShape, expected, coords);
            for (int v = 0; v < expected.Length; v++)
                if (expected[v] != adjusted[v])
                {
                    var k = (map, c.LabelIds[v]);
                    excess[k] = excess.GetValueOrDefault(k) + expected[v] - adjusted[v];
                }
        }
        return excess;
    }

    [Theory]
    [MemberData(nameof(RegionCase.Names), MemberType = typeof(RegionCase))]
    public void Both_sides_summed_equal_MagellanMapper_volumes_by_id(string name)
    {
        // measure_labels_metrics with combine_sides: Nuclei = all-channel heat map over id and -id (volumes_by_id.csv).
        var c = RegionCase.Load(name);
        var maps = Maps(c).Where(m => m.Map == "all").ToList();
        var rows = RegionCounter.Count(new LabelGrid(c.LabelsShape, c.LabelIds), [maps[0].Ours], []).ToDictionary(r => r.Label);
        var excess = WrappedExcess(c, maps);
        var vol = Coloc.TestKit.OracleCsv.Read(Path.Combine(c.Dir, "expected", "volumes_by_id.csv"));
        Assert.NotEmpty(vol.Rows);
        for (int i = 0; i < vol.Rows.Length; i++)
        {
            long region = (long)vol.Num(i, "Region");
            long[] sides = region == 0 ? [0] : [region, -region];
            long ours = sides.Sum(l => rows.TryGetValue(l, out var r) ? r.Blobs[0] : 0);
            long want = (long)vol.Num(i, "Nuclei") - sides.Sum(l => excess.GetValueOrDefault(("all", l)));
            Assert.True(want == ours, $"{name} region {region}: Nuclei {want}, ours {ours}");
        }
    }

    /// <summary>Our maps with, per counted coordinate, MagellanMapper's index for it.</summary>
    private static IEnumerable<(string Map, HeatMap Ours, (long Z, long Y, long X)[] Magmap)> Maps(RegionCase c)
    {
        var s = GridScaler.FromShapes(c.FullShape, c.LabelsShape);
        yield return ("all", HeatMapBuilder.Build(s, c.Blobs.Select(b => b.Center).ToArray()), c.MagmapIndex);
        foreach (int k in c.Channels)
        {
            // positions in Outside are blob indices: give other channels' blobs a placeholder that is never used
            var idx = c.MagmapIndex.Select((m, i) => (int)c.Blobs[i].Channel == k ? m : (long.MinValue, 0L, 0L)).ToArray();
            yield return ($"c{k}", HeatMapBuilder.ForChannel(s, c.Blobs, k), idx);
        }
        var byBlob = new Dictionary<(double, double, double, double), int>();
        for (int i = 0; i < c.Blobs.Length; i++) byBlob.TryAdd((c.Blobs[i].Z, c.Blobs[i].Y, c.Blobs[i].X, c.Blobs[i].Channel), i);
        foreach (var (pair, matches) in c.Pairs)
        {
            var idx = matches.Rows.Select(r => c.MagmapIndex[byBlob[(r.Blob1.Z, r.Blob1.Y, r.Blob1.X, r.Blob1.Channel)]]).ToArray();
            yield return ($"match_c{pair.A}_c{pair.B}", HeatMapBuilder.ForMatches(s, matches), idx);
        }
    }

    /// <summary>
    /// MagellanMapper's map with the voxels reached by wrapped negative indices recounted from the in-image indices;
    /// and the positions of the wrapped (outside) coordinates. Placeholders (Z = long.MinValue) are skipped.
    /// </summary>
    private static (long[] Adjusted, int[] Outside) Adjust(ZyxInt shape, long[] expected, (long Z, long Y, long X)[] magmap)
    {
        long Flat(long z, long y, long x) => (Wrap(z, shape.Z) * shape.Y + Wrap(y, shape.Y)) * shape.X + Wrap(x, shape.X);
        var outside = new List<int>();
        var wrapped = new HashSet<long>();
        var inside = new Dictionary<long, long>();
        for (int i = 0; i < magmap.Length; i++)
        {
            var (z, y, x) = magmap[i];
            if (z == long.MinValue) continue;
            if (z < 0 || y < 0 || x < 0)
            {
                outside.Add(i);
                wrapped.Add(Flat(z, y, x));
            }
            else inside[Flat(z, y, x)] = inside.GetValueOrDefault(Flat(z, y, x)) + 1;
        }
        var adjusted = (long[])expected.Clone();
        foreach (long v in wrapped) adjusted[v] = inside.GetValueOrDefault(v);
        return (adjusted, outside.ToArray());
    }

    private static long Wrap(long i, int n) => i < 0 ? i + n : i;
}
