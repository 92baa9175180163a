using System.Text.Json;
using Coloc.Cli.Tests.Scale;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.Cli.Tests;

/// <summary>
/// <c>coloc run</c> writes what <c>coloc match</c> writes for the same blobs (match tables and <c>multi_positive</c>),
/// and a failure after staging leaves neither the output folder nor a database file.
/// </summary>
public sealed class ResultWritingTests
{
    private static readonly ZyxInt Shape = new(20, 96, 96);

    /// <summary>A 3-channel 16-bit image of 2 µm voxels with about 50 spots per channel, half shared.</summary>
    private static readonly Lazy<string> ThreeChannelTif = new(() =>
    {
        var img = SyntheticImage.Create(Shape, 3, 50, seed: 33, brightness: 25);
        string path = Path.Combine(RepoPaths.NewTempDir(), "three.tif");
        TiffStackWriter.Write<ushort>(path, img.Channels, new TiffWriteOptions { ResolutionUm = Zyx.All(2) });
        return path;
    });

    private static JsonElement MultiPositive(string dir)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "summary.json")));
        return json.RootElement.GetProperty("multi_positive").Clone();
    }

    [Fact]
    public void Run_ThreeChannels_WritesMultiPositiveEqualToMatchOnTheSameBlobs()
    {
        string tmp = RepoPaths.NewTempDir(), run = Path.Combine(tmp, "run"), match = Path.Combine(tmp, "match");
        var r = PlanFixture.Coloc("run", "--image", ThreeChannelTif.Value, "--out", run);
        Assert.True(r.Code == ExitCodes.Ok, r.Err);
        var m = PlanFixture.Coloc("match", "--blobs", Path.Combine(run, "blobs.csv"), "--out", match,
            "--shape", $"{Shape.Z},{Shape.Y},{Shape.X}", "--resolution", "2,2,2");
        Assert.True(m.Code == ExitCodes.Ok, m.Err);

        var mp = MultiPositive(run);
        Assert.Equal(3, mp.GetArrayLength()); // each channel matched in both others
        Assert.All(mp.EnumerateArray(), s => Assert.True(s.GetProperty("blobs").GetInt32() > 0, s.ToString()));
        Assert.Equal(MultiPositive(match).ToString(), mp.ToString());
        string[] tables = ["matches_c0_c1.csv", "matches_c0_c2.csv", "matches_c1_c2.csv"];
        Assert.Equal(tables, Directory.GetFiles(match, "matches_*").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal));
        foreach (var t in tables)
            Assert.True(File.ReadAllBytes(Path.Combine(run, t)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(match, t))), $"{t} differs");
    }

    [Fact]
    public void RunWithDb_ResultFileNameTakenByAFolder_Exit2WithoutDatabaseOrResults()
    {
        string tmp = RepoPaths.NewTempDir(), outDir = Path.Combine(tmp, "out"), db = Path.Combine(tmp, "new.db");
        Directory.CreateDirectory(Path.Combine(outDir, "matches_c1_c2.csv"));
        var r = PlanFixture.Coloc("run", "--image", ThreeChannelTif.Value, "--out", outDir, "--db", db);
        Assert.Equal(ExitCodes.BadInput, r.Code);
        Assert.Contains("matches_c1_c2.csv: is a folder", r.Err);
        Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(tmp).Select(p => Path.GetFileName(p)));
        Assert.Equal(["matches_c1_c2.csv"], Directory.EnumerateFileSystemEntries(outDir).Select(p => Path.GetFileName(p)));
    }

    [Fact]
    public void MatchWithDb_DevNull_Exit2NamingItAndNoJournal()
    {
        string tmp = RepoPaths.NewTempDir();
        bool journalBefore = File.Exists("/dev/null-journal");
        var r = PlanFixture.Coloc("match", "--blobs", Path.Combine(RepoPaths.RepoRoot, "macros", "sample", "blobs.csv"),
            "--out", Path.Combine(tmp, "out"), "--shape", "60,1100,1100", "--db", "/dev/null");
        Assert.Equal(ExitCodes.BadInput, r.Code);
        Assert.Equal("coloc: /dev/null: is a device, not a database file; left untouched\n", r.Err);
        Assert.Equal(journalBefore, File.Exists("/dev/null-journal"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp));
    }
}
