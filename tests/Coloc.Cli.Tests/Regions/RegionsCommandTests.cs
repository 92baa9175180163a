using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.Cli.Tests.Regions;

/// <summary>
/// <c>coloc regions</c> on oracle case R01 (labels.npy, ontology, blobs; matches made by <c>coloc match --mode magmap</c>,
/// which reproduces MagellanMapper's): the counts of regions.csv equal MagellanMapper's region_counts.csv, results do
/// not depend on threads, and each bad input of the acceptance list exits 2 with one line and writes nothing.
/// </summary>
public sealed class RegionsCommandTests
{
    private static readonly string Case = RepoPaths.Case("R01_iso_quarter_boundary_2ch");
    private static readonly string Blobs = Path.Combine(Case, "blobs.csv");
    private static readonly string Labels = Path.Combine(Case, "labels.npy");
    private static readonly string Ontology = Path.Combine(Case, "labels_ontology.json");
    private const string Shape = "160,240,240";

    private static (int Code, string Out, string Err) Coloc(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        int code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static string Matches(string dir, string blobs)
    {
        string m = Path.Combine(dir, "m");
        Assert.Equal(0, Coloc("match", "--blobs", blobs, "--shape", Shape, "--mode", "magmap", "--out", m).Code);
        return m;
    }

    private static string[] Args(string m, string outDir, params string[] extra) =>
        ["regions", "--blobs", Blobs, "--matches", m, "--labels", Labels, "--image-shape", Shape, "--ontology", Ontology,
         "--permutations", "19", "--out", outDir, .. extra];

    [Fact]
    public void Counts_equal_MagellanMapper_and_do_not_depend_on_threads()
    {
        string dir = RepoPaths.NewTempDir();
        string m = Matches(dir, Blobs);
        var r1 = Coloc(Args(m, Path.Combine(dir, "t1"), "--threads", "1"));
        Assert.True(r1.Code == 0, r1.Err);
        Assert.Equal(0, Coloc(Args(m, Path.Combine(dir, "t2"), "--threads", "2")).Code);
        string csv1 = File.ReadAllText(Path.Combine(dir, "t1", "regions.csv"));
        Assert.Equal(csv1, File.ReadAllText(Path.Combine(dir, "t2", "regions.csv")));

        var ours = OracleCsv.Read(Path.Combine(dir, "t1", "regions.csv"));
        var want = OracleCsv.Read(Path.Combine(Case, "expected", "region_counts.csv"));
        Assert.Equal("label,voxels,blobs_c0,blobs_c1,matches_c0_c1,name,volume_um3,expected_c0_c1,enrichment_c0_c1,p_c0_c1,q_c0_c1,enrichment_lo95_c0_c1,enrichment_hi95_c0_c1",
            string.Join(',', ours.Header));
        Assert.Equal(want.Rows.Length, ours.Rows.Length);
        for (int i = 0; i < want.Rows.Length; i++)
            foreach (var col in new[] { "label", "voxels", "blobs_c0", "blobs_c1", "matches_c0_c1" })
                Assert.Equal(want.Num(i, col), ours.Num(i, col));
        Assert.Equal("Region A", ours.Rows[1][ours.Col("name")]);
        foreach (var f in new[] { "heat_c0.tif", "heat_c1.tif", "heat_match_c0_c1.tif", "summary.json" })
            Assert.True(File.Exists(Path.Combine(dir, "t1", f)), f);
        using var heat = TiffStack.Open(Path.Combine(dir, "t1", "heat_c0.tif"));
        Assert.Equal(new Coloc.Core.Geometry.ZyxInt(40, 60, 60), heat.Shape);
    }

    [Fact]
    public void Mode_and_tolerance_come_from_the_matches_summary()
    {
        string dir = RepoPaths.NewTempDir();
        string m = Matches(dir, Blobs);
        var args = Args(m, Path.Combine(dir, "o"));
        args[Array.IndexOf(args, "19")] = "0";
        Assert.Equal(0, Coloc(args).Code);
        string summary = File.ReadAllText(Path.Combine(dir, "o", "summary.json"));
        Assert.Contains("\"mode\": \"magmap\"", summary, StringComparison.Ordinal);
        Assert.Contains("\"blobs_outside\"", summary, StringComparison.Ordinal);
    }

    private static void AssertRejected(string dir, string outDir, (int Code, string Out, string Err) r, string mention)
    {
        Assert.Equal(ExitCodes.BadInput, r.Code);
        Assert.Contains(mention, r.Err, StringComparison.Ordinal);
        Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
        Assert.False(Directory.Exists(outDir), $"nothing may be written ({dir})");
    }

    [Fact]
    public void Labels_not_integer()
    {
        string dir = RepoPaths.NewTempDir();
        string m = Matches(dir, Blobs);
        string f = Path.Combine(dir, "float.tif");
        TiffStackWriter.Write<float>(f, new Coloc.Core.Geometry.ZyxInt(4, 6, 6), 1, 1, (_, _, _, d) => d.Fill(1.5f));
        var args = Args(m, Path.Combine(dir, "o"));
        args[Array.IndexOf(args, Labels)] = f;
        AssertRejected(dir, Path.Combine(dir, "o"), Coloc(args), "must be integers");
    }

    [Fact]
    public void Labels_larger_than_the_image()
    {
        string dir = RepoPaths.NewTempDir();
        string m = Matches(dir, Blobs);
        var args = Args(m, Path.Combine(dir, "o"));
        args[Array.IndexOf(args, Shape)] = "20,240,240";
        AssertRejected(dir, Path.Combine(dir, "o"), Coloc(args), "larger than the image");
    }

    [Theory]
    [InlineData("{ \"msg\": [", "not valid JSON")]
    [InlineData("{ \"id\": 997, \"name\": \"root\", \"children\": [] }", "lacks label id(s)")]
    public void Bad_ontology(string json, string mention)
    {
        string dir = RepoPaths.NewTempDir();
        string m = Matches(dir, Blobs);
        string f = Path.Combine(dir, "onto.json");
        File.WriteAllText(f, json);
        var args = Args(m, Path.Combine(dir, "o"));
        args[Array.IndexOf(args, Ontology)] = f;
        AssertRejected(dir, Path.Combine(dir, "o"), Coloc(args), mention);
    }

    [Fact]
    public void Matches_of_other_blobs()
    {
        string dir = RepoPaths.NewTempDir();
        string other = Path.Combine(dir, "other.csv");
        File.WriteAllLines(other, File.ReadAllLines(Blobs).Select((l, i) => i == 0 ? l : "1" + l));
        string m = Matches(dir, other);
        AssertRejected(dir, Path.Combine(dir, "o"), Coloc(Args(m, Path.Combine(dir, "o"))), "do not belong to these blobs");
    }

    [Fact]
    public void Level_without_ontology()
    {
        string dir = RepoPaths.NewTempDir();
        string m = Matches(dir, Blobs);
        var args = Args(m, Path.Combine(dir, "o")).ToList();
        int k = args.IndexOf("--ontology");
        args.RemoveRange(k, 2);
        args.AddRange(["--level", "2"]);
        AssertRejected(dir, Path.Combine(dir, "o"), Coloc([.. args]), "--ontology");
    }

    [Fact]
    public void L_curves_with_their_envelope_by_default_none_with_zero()
    {
        string dir = RepoPaths.NewTempDir();
        string m = Matches(dir, Blobs);
        Assert.Equal(0, Coloc(Args(m, Path.Combine(dir, "o"))).Code);
        var l = OracleCsv.Read(Path.Combine(dir, "o", "l_c0_c1.csv"));
        Assert.Equal("label,r_um,l_um,l_null_mean_um,l_null_min_um,l_null_max_um", string.Join(',', l.Header));
        // magmap default profile tolerance at 1 µm voxels: radius 2 × its largest axis, 20 radii per region
        string summary = File.ReadAllText(Path.Combine(dir, "o", "summary.json"));
        Assert.Contains("\"l_max_um\"", summary, StringComparison.Ordinal);
        Assert.Equal(0, l.Rows.Length % 20);
        Assert.True(l.Rows.Length >= 40, $"{l.Rows.Length} rows");
        for (int i = 0; i < l.Rows.Length; i++)
        {
            Assert.True(l.Num(i, "l_null_min_um") <= l.Num(i, "l_null_mean_um") && l.Num(i, "l_null_mean_um") <= l.Num(i, "l_null_max_um"), $"row {i}");
            Assert.True(l.Num(i, "l_um") >= 0);
        }
        // PNG plots (the dotnet build; the NativeAOT coloc writes none), listed in summary.json
        foreach (var png in new[] { "enrichment_c0_c1.png", "l_c0_c1.png" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(dir, "o", png));
            Assert.True(bytes.Length > 10_000, $"{png}: {bytes.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes.Take(4).ToArray());
            Assert.Contains($"\"{png}\"", summary, StringComparison.Ordinal);
        }
        Assert.Equal(0, Coloc([.. Args(m, Path.Combine(dir, "none")), "--l-max-um", "0"]).Code);
        Assert.False(File.Exists(Path.Combine(dir, "none", "l_c0_c1.csv")));
        Assert.False(File.Exists(Path.Combine(dir, "none", "l_c0_c1.png")));
        Assert.True(File.Exists(Path.Combine(dir, "none", "enrichment_c0_c1.png")));
    }

    [Fact]
    public void L_radius_not_a_number()
    {
        string dir = RepoPaths.NewTempDir();
        string m = Matches(dir, Blobs);
        AssertRejected(dir, Path.Combine(dir, "o"), Coloc([.. Args(m, Path.Combine(dir, "o")), "--l-max-um", "-3"]), "--l-max-um");
    }
}
