using Coloc.Core.Regions;
using Coloc.IO;
using Coloc.IO.Labels;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Labels;

/// <summary>
/// <see cref="OntologyJson"/> on the two layouts users have: brainglobe's flat <c>structures.json</c> (as the
/// brainglobe atlas API ships it: <c>acronym, id, name, structure_id_path, rgb_triplet</c>) and MagellanMapper's
/// Allen API tree (<c>{"success": true, "msg": [root]}</c> with nested <c>children</c>). The same tree in both layouts
/// gives the same regions, names, parents, levels and level aggregation.
/// </summary>
public sealed class OntologyJsonTests
{
    private const string Brainglobe = """
        [
          {"acronym": "root", "id": 997, "name": "root", "structure_id_path": [997], "rgb_triplet": [255, 255, 255]},
          {"acronym": "grey", "id": 8, "name": "Basic cell groups and regions", "structure_id_path": [997, 8], "rgb_triplet": [191, 218, 227]},
          {"acronym": "CH", "id": 567, "name": "Cerebrum", "structure_id_path": [997, 8, 567], "rgb_triplet": [176, 240, 255]},
          {"acronym": "CTX", "id": 688, "name": "Cerebral cortex", "structure_id_path": [997, 8, 567, 688], "rgb_triplet": [176, 255, 184]},
          {"acronym": "BS", "id": 343, "name": "Brain stem", "structure_id_path": [997, 8, 343], "rgb_triplet": [255, 112, 128]},
          {"acronym": "fiber tracts", "id": 1009, "name": "fiber tracts", "structure_id_path": [997, 1009], "rgb_triplet": [204, 204, 204]},
          {"acronym": "X", "id": 3000000000, "name": "Region, with \"comma\"", "structure_id_path": [997, 1009, 3000000000], "rgb_triplet": [1, 2, 3]}
        ]
        """;

    private const string Magmap = """
        {"success": true, "id": 0, "start_row": 0, "num_rows": 1, "total_rows": 1, "msg": [
          {"id": 997, "acronym": "root", "name": "root", "st_level": 0, "graph_order": 0, "parent_structure_id": null, "children": [
            {"id": 8, "acronym": "grey", "name": "Basic cell groups and regions", "st_level": 1, "graph_order": 1, "parent_structure_id": 997, "children": [
              {"id": 567, "acronym": "CH", "name": "Cerebrum", "st_level": 2, "graph_order": 2, "parent_structure_id": 8, "children": [
                {"id": 688, "acronym": "CTX", "name": "Cerebral cortex", "st_level": 3, "graph_order": 3, "parent_structure_id": 567, "children": []}]},
              {"id": 343, "acronym": "BS", "name": "Brain stem", "st_level": 2, "graph_order": 4, "parent_structure_id": 8, "children": []}]},
            {"id": 1009, "acronym": "fiber tracts", "name": "fiber tracts", "st_level": 1, "graph_order": 5, "parent_structure_id": 997, "children": [
              {"id": 3000000000, "acronym": "X", "name": "Region, with \"comma\"", "st_level": 2, "graph_order": 6, "parent_structure_id": 1009, "children": []}]}]}]}
        """;

    private static Ontology Read(string json)
    {
        string f = Path.Combine(RepoPaths.NewTempDir(), "structures.json");
        File.WriteAllText(f, json);
        return OntologyJson.Read(f);
    }

    [Fact]
    public void Brainglobe_structures_json_gives_names_parents_and_depths()
    {
        var o = Read(Brainglobe);
        Assert.Equal(7, o.Count);
        Assert.Equal(new OntologyRegion(688, 567, "Cerebral cortex", "CTX", 3), o.Find(688));
        Assert.Equal(new OntologyRegion(997, null, "root", "root", 0), o.Find(997));
        Assert.Equal("Region, with \"comma\"", o.Find(3000000000)!.Name); // ids above 2^31 (uint32 labels)
        Assert.Equal("Cerebrum", o.Find(-567)!.Name); // the mirrored hemisphere
        Assert.Null(o.Find(12345));
        Assert.Equal(new long[] { -688, -567, -343, -8, 8, 343, 567, 688 }, o.Subtree(8).Order().ToArray());
    }

    [Fact]
    public void MagellanMapper_layout_gives_the_same_regions_as_brainglobe()
    {
        var bg = Read(Brainglobe).Regions.ToArray();
        var mm = Read(Magmap).Regions.ToArray();
        Assert.Equal(bg, mm);
    }

    [Fact]
    public void Level_aggregation_is_the_same_from_either_layout()
    {
        long[] labels = [0, -688, 343, 688, 3000000000];
        var rows = labels.Select((l, i) => new RegionRow(l, 10 * (i + 1), [i + 1L], [])).ToArray();
        foreach (var json in new[] { Brainglobe, Magmap })
        {
            var level1 = RegionAggregator.Aggregate(Read(json), rows, 1);
            // level <= 1: root (997), grey (8), fiber tracts (1009); each sums its subtree, both sides, never label 0
            Assert.Equal(new long[] { 8, 997, 1009 }, level1.Select(r => r.Label).ToArray());
            Assert.Equal(new long[] { 20 + 30 + 40, 20 + 30 + 40 + 50, 50 }, level1.Select(r => r.Voxels).ToArray());
            Assert.Equal(new long[] { 2 + 3 + 4, 2 + 3 + 4 + 5, 5 }, level1.Select(r => r.Blobs[0]).ToArray());
        }
    }

    [Theory]
    [InlineData("""[{"id": 5, "name": "a", "structure_id_path": [997, 6]}]""", "does not end at 5")]
    [InlineData("""[{"id": 5, "name": "a", "structure_id_path": [5]}, {"id": 6, "name": "b"}]""", "no structure_id_path")]
    [InlineData("""[{"name": "a", "structure_id_path": [5]}]""", "integer 'id'")]
    [InlineData("""[{"id": 5, "structure_id_path": [5]}, {"id": 5, "structure_id_path": [5]}]""", "appears twice")]
    [InlineData("""{"msg": [{"id": 5, "children": {"id": 6}}]}""", "not an array")]
    [InlineData("""[]""", "no regions")]
    public void Bad_ontologies_name_the_file_and_the_problem(string json, string mention)
    {
        var e = Assert.Throws<ColocFormatException>(() => Read(json));
        Assert.Contains("structures.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(mention, e.Message, StringComparison.Ordinal);
    }
}
