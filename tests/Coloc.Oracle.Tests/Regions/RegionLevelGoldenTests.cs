using System.Text.Json;
using Coloc.Core.Regions;
using Coloc.IO.Labels;

namespace Coloc.Oracle.Tests.Regions;

/// <summary>
/// The production readers (labels.npy, labels_ontology.json) and the level aggregation against MagellanMapper's
/// <c>volumes_by_level.csv</c> (<c>measure_labels_metrics</c> with <c>make_label_ids_set(ontology, lookup, max_level, True)</c>):
/// same region ids, Volume = voxels × labels spacing, Nuclei = blobs of all channels in the subtree.
/// </summary>
public class RegionLevelGoldenTests
{
    [Theory]
    [MemberData(nameof(RegionCase.Names), MemberType = typeof(RegionCase))]
    public void Labels_reader_reads_the_oracle_npy(string name)
    {
        var c = RegionCase.Load(name);
        var img = LabelsReader.Read(Path.Combine(c.Dir, "labels.npy"));
        Assert.Equal(c.LabelsShape, img.Grid.Shape);
        Assert.Equal(c.LabelIds, img.Grid.Ids.ToArray());
    }

    [Theory]
    [MemberData(nameof(RegionCase.Names), MemberType = typeof(RegionCase))]
    public void Level_rows_equal_MagellanMapper_volumes_by_level(string name)
    {
        var c = RegionCase.Load(name);
        using var p = JsonDocument.Parse(File.ReadAllText(Path.Combine(c.Dir, "params.json")));
        var byLevel = p.RootElement.GetProperty("volumes_call").GetProperty("by_level");
        int level = byLevel.GetProperty("max_level").GetInt32();
        var spacing = p.RootElement.GetProperty("labels_spacing_zyx").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        using var s = JsonDocument.Parse(File.ReadAllText(Path.Combine(c.Dir, "expected", "summary.json")));
        bool exactNuclei = s.RootElement.GetProperty("heat_all_sum_equals_blob_count").GetBoolean();

        var ontology = OntologyJson.Read(Path.Combine(c.Dir, "labels_ontology.json"));
        var labels = new LabelGrid(c.LabelsShape, c.LabelIds);
        var scaler = GridScaler.FromShapes(c.FullShape, c.LabelsShape);
        var all = HeatMapBuilder.Build(scaler, c.Blobs.Select(b => b.Center).ToArray());
        var rows = RegionAggregator.Aggregate(ontology, RegionCounter.Count(labels, [all], []), level);

        var csv = Coloc.TestKit.OracleCsv.Read(Path.Combine(c.Dir, "expected", "volumes_by_level.csv"));
        var want = Enumerable.Range(0, csv.Rows.Length).ToDictionary(i => (long)csv.Num(i, "Region"));
        Assert.Equal(want.Keys.Order(), rows.Select(r => r.Label));
        double voxelUm3 = spacing[0] * spacing[1] * spacing[2];
        foreach (var r in rows)
        {
            int i = want[r.Label];
            double volume = csv.Num(i, "Volume");
            if (double.IsNaN(volume))
            {
                Assert.Equal(0, r.Voxels);
                continue;
            }
            Assert.Equal(volume, r.Voxels * voxelUm3, 6);
            if (exactNuclei) Assert.Equal((long)csv.Num(i, "Nuclei"), r.Blobs[0]);
        }
    }

    [Theory]
    [MemberData(nameof(RegionCase.Names), MemberType = typeof(RegionCase))]
    public void Ontology_names_every_nonzero_label(string name)
    {
        var c = RegionCase.Load(name);
        var ontology = OntologyJson.Read(Path.Combine(c.Dir, "labels_ontology.json"));
        foreach (long id in c.LabelIds.Distinct().Where(id => id != 0))
            Assert.NotNull(ontology.Find(id));
    }
}
