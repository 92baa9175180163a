using Coloc.TestKit;

namespace Coloc.Oracle.Tests.Magmap;

/// <summary>
/// Oracle group B (<c>StackColocalizer.colocalize_stack</c>, fork path): <c>coloc match --mode magmap --shape</c> must
/// write MagellanMapper's pruned matches row for row in native order. Folders <c>expected_channels_a_b</c> (MagellanMapper
/// ignores the channel filter, QUIRK-4a) are compared on the pairs we honour; <c>expected_spawn</c> records the spawn-mode
/// bug (QUIRK-4b/Q7) and is deliberately not reproduced.
/// </summary>
public sealed class StackGoldenTests
{
    public static TheoryData<string, string> Cases()
    {
        var d = new TheoryData<string, string>();
        foreach (var c in RepoPaths.Cases("B"))
            foreach (var e in Directory.EnumerateDirectories(c, "expected*").Select(Path.GetFileName).Order(StringComparer.Ordinal))
                if (e != "expected_spawn") d.Add(Path.GetFileName(c), e!);
        return d;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MagmapStack_OracleCase_MatchesMagellanMapperRowForRow(string name, string expected)
    {
        string dir = Path.Combine(RepoPaths.OracleCases, name);
        var p = OracleParams.Load(dir);
        string outDir = RepoPaths.NewTempDir();
        var args = new List<string>
        {
            "match", "--mode", "magmap", "--blobs", Path.Combine(dir, "blobs.csv"), "--out", outDir,
            "--shape", OracleParams.Arg(p.Vector("shape_zyx")!),
            "--resolution", OracleParams.Arg(p.Vector("config_resolutions_zyx")!),
            "--profile", p.Text("roi_profile_name") ?? "default",
        };
        int[]? channels = ChannelsOf(expected) ?? p.Vector("channels")?.Select(c => (int)c).ToArray();
        if (channels is not null) args.AddRange(["--channels", string.Join(",", channels)]);
        var (code, _, err) = CliRunner.Run(args.ToArray());
        Assert.True(code == 0, err);
        OracleMatchAssert.FolderEquals(Path.Combine(dir, expected), outDir, channels);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MagmapStack_OracleCase_SameBytesForOneAndTwoThreads(string name, string expected)
    {
        if (expected != "expected") return; // one check per case is enough
        string dir = Path.Combine(RepoPaths.OracleCases, name);
        var p = OracleParams.Load(dir);
        string[] Args(string outDir, int threads) =>
        [
            "match", "--mode", "magmap", "--blobs", Path.Combine(dir, "blobs.csv"), "--out", outDir,
            "--shape", OracleParams.Arg(p.Vector("shape_zyx")!), "--resolution", OracleParams.Arg(p.Vector("config_resolutions_zyx")!),
            "--profile", p.Text("roi_profile_name") ?? "default", "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        string a = RepoPaths.NewTempDir(), b = RepoPaths.NewTempDir();
        Assert.Equal(0, CliRunner.Run(Args(a, 1)).Code);
        Assert.Equal(0, CliRunner.Run(Args(b, 2)).Code);
        foreach (var f in Directory.GetFiles(a).Select(Path.GetFileName))
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, f!)), File.ReadAllBytes(Path.Combine(b, f!)));
    }

    private static int[]? ChannelsOf(string expectedFolder) =>
        expectedFolder.StartsWith("expected_channels_", StringComparison.Ordinal)
            ? expectedFolder["expected_channels_".Length..].Split('_').Select(int.Parse).ToArray()
            : null;
}
