using System.Globalization;
using System.Text.Json;
using Coloc.Core.Geometry;
using Coloc.Core.Profiles;
using Coloc.Core.Matching.Magmap;
using Coloc.IO.Csv;
using Coloc.TestKit;

namespace Coloc.Oracle.Tests.Magmap;

/// <summary>
/// Oracle group B, inside the stack run: the block grid and match tolerance equal what MagellanMapper recorded
/// (<c>blocks.json</c>), and each block's matches before pruning equal <c>blocks_raw_matches.csv</c> row for row.
/// </summary>
public sealed class StackBlocksGoldenTests
{
    public static TheoryData<string> Cases() => new(RepoPaths.Cases("B").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void BlockGeometry_OracleCase_EqualsRecordedBlocks(string name)
    {
        string dir = RepoPaths.Case(name);
        var (geometry, shape) = GeometryOf(dir);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "blocks.json")));
        var root = doc.RootElement;
        Assert.Equal(Ints(root.GetProperty("setup_blocks").GetProperty("overlap_base_zyx")), Ints(geometry.OverlapBase));
        Assert.Equal(Ints(root.GetProperty("coloc_split_max_pixels_zyx")), Ints(geometry.MaxPixels));
        Assert.Equal(Doubles(root.GetProperty("match_tol_passed_to_blocks")), new[] { geometry.MatchTolVoxels.Z, geometry.MatchTolVoxels.Y, geometry.MatchTolVoxels.X });
        Assert.Equal(Ints(root.GetProperty("coloc_split_overlap_zyx")), Ints(geometry.CollocOverlap));
        var blocks = geometry.Blocks(shape);
        var recorded = root.GetProperty("blocks").EnumerateArray().ToArray();
        Assert.Equal(recorded.Length, blocks.Length);
        for (int i = 0; i < blocks.Length; i++)
        {
            Assert.Equal(Ints(recorded[i].GetProperty("coord_zyx")), Ints(blocks[i].Coord));
            Assert.Equal(Ints(recorded[i].GetProperty("offset_zyx")), Ints(blocks[i].Offset));
            Assert.Equal(Ints(recorded[i].GetProperty("shape_zyx")), Ints(blocks[i].Shape));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ColocalizeBlock_OracleCase_EqualsRawBlockMatches(string name)
    {
        string dir = RepoPaths.Case(name);
        var (geometry, shape) = GeometryOf(dir);
        var p = OracleParams.Load(dir);
        var options = new StackMatchOptions
        {
            Profile = RoiProfiles.Resolve(p.Text("roi_profile_name") ?? "default"),
            ResolutionUm = ToZyx(p.Vector("config_resolutions_zyx")!),
        };
        var blobs = BlobCsv.Read(Path.Combine(dir, "blobs.csv"));
        var ours = new List<string>();
        foreach (var block in geometry.Blocks(shape))
        {
            var set = MagmapStackColocalizer.ColocalizeBlock(blobs, block, options);
            foreach (var (pair, m) in set.Pairs)
                for (int r = 0; r < m.Count; r++)
                {
                    var row = m.Rows[r];
                    var v = new[] { block.Coord.Z, block.Coord.Y, block.Coord.X, pair.A, pair.B, r }.Select(i => (double)i)
                        .Concat(Enumerable.Range(0, 7).Select(k => row.Blob1[k]))
                        .Concat(Enumerable.Range(0, 7).Select(k => row.Blob2[k]))
                        .Append(row.Distance);
                    ours.Add(string.Join(",", v.Select(CsvNumber.Format)));
                }
        }
        var expected = OracleCsv.Read(Path.Combine(dir, "expected", "blocks_raw_matches.csv")).Rows
            .Select(r => string.Join(",", r.Select(s => CsvNumber.Format(double.Parse(s, CultureInfo.InvariantCulture)))))
            .ToList();
        Assert.Equal(expected, ours);
    }

    private static (MagmapBlockGeometry, ZyxInt) GeometryOf(string dir)
    {
        var p = OracleParams.Load(dir);
        var profile = RoiProfiles.Resolve(p.Text("roi_profile_name") ?? "default");
        var g = new MagmapBlockGeometry(profile, ToZyx(p.Vector("config_resolutions_zyx")!));
        var s = p.Vector("shape_zyx")!;
        return (g, new ZyxInt((int)s[0], (int)s[1], (int)s[2]));
    }

    private static Zyx ToZyx(double[] v) => new(v[0], v[1], v[2]);

    private static int[] Ints(ZyxInt v) => [v.Z, v.Y, v.X];

    private static int[] Ints(JsonElement e) => e.EnumerateArray().Select(x => (int)x.GetDouble()).ToArray();

    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();
}
