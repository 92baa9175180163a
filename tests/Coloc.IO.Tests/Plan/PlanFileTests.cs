using Coloc.Core.Geometry;
using Coloc.IO;
using Coloc.IO.Plan;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Plan;

public class PlanFileTests
{
    internal static PlanSpec Spec(ZyxInt? core = null) => new()
    {
        ImagePath = "/data/brain.tif",
        ImageBytes = 123456,
        ImageModifiedUtc = "2026-11-24T07:00:00.0000000Z",
        ShapeVoxels = new ZyxInt(18, 40, 44),
        ChannelCount = 2,
        ResolutionUm = new Zyx(2, 1, 1),
        CoreVoxels = core ?? new ZyxInt(6, 14, 15),
        HaloVoxels = new ZyxInt(10, 10, 10),
        Profile = "default",
        TolUm = new Zyx(4, 3, 3),
        MatchChannels = [0, 1],
    };

    [Fact]
    public void WriteThenRead_Spec_RoundTripsWithSameHash()
    {
        var dir = RepoPaths.NewTempDir();
        var spec = Spec();
        PlanFile.Write(dir, spec, 4);
        var (read, hash) = PlanFile.Read(dir);
        Assert.Equal(PlanFile.Hash(spec), hash);
        Assert.Equal(spec.ShapeVoxels, read.ShapeVoxels);
        Assert.Equal(spec.TolUm, read.TolUm);
        Assert.Null(read.TolVoxels);
        Assert.Equal([0, 1], read.MatchChannels!);
        Assert.Equal(PlanFile.Hash(read), hash);
        Assert.True(Directory.Exists(BlockResultFile.Folder(dir)));
        Assert.Equal(27, read.Grid.Count); // 3 × 3 × 3
    }

    [Fact]
    public void Hash_DifferentBlockSize_Differs() =>
        Assert.NotEqual(PlanFile.Hash(Spec()), PlanFile.Hash(Spec(new ZyxInt(6, 14, 16))));

    [Fact]
    public void Read_EditedParameters_RefusedNamingTheFile()
    {
        var dir = RepoPaths.NewTempDir();
        PlanFile.Write(dir, Spec(), 4);
        string path = Path.Combine(dir, "plan.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"default\"", "\"lightsheet\""));
        var e = Assert.Throws<ColocFormatException>(() => PlanFile.Read(dir));
        Assert.Contains("plan.json", e.Message);
        Assert.Contains("does not match", e.Message);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("{\"format\":\"coloc-plan\",\"version\":2}")]
    public void Read_Malformed_ColocFormatException(string text)
    {
        var dir = RepoPaths.NewTempDir();
        File.WriteAllText(Path.Combine(dir, "plan.json"), text);
        Assert.Throws<ColocFormatException>(() => PlanFile.Read(dir));
    }

    [Fact]
    public void Read_Missing_SaysHowToMakeOne()
    {
        var e = Assert.Throws<ColocFormatException>(() => PlanFile.Read(RepoPaths.NewTempDir()));
        Assert.Contains("coloc plan", e.Message);
    }
}
