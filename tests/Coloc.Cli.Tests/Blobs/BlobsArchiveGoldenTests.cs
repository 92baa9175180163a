using Coloc.Cli;
using Coloc.TestKit;

namespace Coloc.Cli.Tests.Blobs;

/// <summary>
/// <c>coloc blobs --in ARCHIVE.npz --out B.csv</c> on every oracle case of group N: every data row equals, as text,
/// the row of MagellanMapper's <c>Blobs().load_blobs</c> (<c>expected/blobs.csv</c>); the header carries the correct
/// names (differing from MagellanMapper's only where its loader mislabels old archives, N06 and N07).
/// </summary>
public sealed class BlobsArchiveGoldenTests
{
    public static TheoryData<string> CaseNames()
    {
        var d = new TheoryData<string>();
        foreach (var c in RepoPaths.Cases("N")) d.Add(Path.GetFileName(c));
        return d;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Rows_equal_load_blobs(string name)
    {
        string dir = RepoPaths.Case(name), outDir = RepoPaths.NewTempDir(), csv = Path.Combine(outDir, "b.csv");
        int rc = Program.Run(["blobs", "--in", Path.Combine(dir, "sample_blobs.npz"), "--out", csv], TextWriter.Null, TextWriter.Null);
        Assert.Equal(0, rc);
        var expected = File.ReadAllLines(Path.Combine(dir, "expected", "blobs.csv")).Where(l => l.Length > 0).ToArray();
        var actual = File.ReadAllLines(csv).Where(l => l.Length > 0).ToArray();
        Assert.Equal(expected.Skip(1), actual.Skip(1));
        Assert.Equal(expected[0].Split(',').Length, actual[0].Split(',').Length);
        if (name is not ("N06_v4_region_positional_trim" or "N07_v3_no_columns")) Assert.Equal(expected[0], actual[0]);
    }
}
