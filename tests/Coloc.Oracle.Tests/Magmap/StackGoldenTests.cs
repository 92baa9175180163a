using Coloc.TestKit;

namespace Coloc.Oracle.Tests.Magmap;

/// <summary>
/// Oracle group B (<c>StackColocalizer.colocalize_stack</c>, fork path): <c>coloc match --mode magmap --shape</c> must
/// write MagellanMapper's pruned matches row for row in native order. Folders <c>expected_channels_a_b</c>
/// (MagellanMapper ignores the channel filter; we honour it: README, Differences from MagellanMapper, D8) are compared
/// on the pairs we honour; <c>expected_spawn</c> records the spawn-mode bug (D9 there) and is deliberately not
/// reproduced.
/// </summary>
public sealed class StackGoldenTests
{
    /// <summary>
    /// One row per (B case, expected folder) that we reproduce: <c>expected</c> and every <c>expected_channels_a_b</c>.
    /// <c>expected_spawn</c> gets no row: it records MagellanMapper's spawn-mode blob selection, which reads the
    /// block's z,y,x offset and shape as x,y,z and drops most blobs (README, Differences from MagellanMapper, D9).
    /// Coloc follows the default fork path only, so there is nothing of ours that could equal that folder.
    /// </summary>
    public static TheoryData<string, string> Cases()
    {
        var d = new TheoryData<string, string>();
        foreach (var c in RepoPaths.Cases("B"))
            foreach (var e in Directory.EnumerateDirectories(c, "expected*").Select(Path.GetFileName).Order(StringComparer.Ordinal))
                if (e != "expected_spawn") d.Add(Path.GetFileName(c), e!);
        return d;
    }

    /// <summary>One row per B case, for checks that need only the case (not an expected folder).</summary>
    public static TheoryData<string> StackCases() => new(RepoPaths.Cases("B").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MagmapStack_OracleCase_MatchesMagellanMapperRowForRow(string name, string expected)
    {
        string dir = RepoPaths.Case(name);
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
        if (channels is not null)
        {
            args.AddRange(["--channels", string.Join(",", channels)]);
            // A channel folder must leave at least one pair to compare, or the row would assert nothing about matches.
            if (ChannelsOf(expected) is not null) Assert.NotEmpty(HonouredPairs(Path.Combine(dir, expected), channels));
        }
        var (code, _, err) = CliRunner.Run(args.ToArray());
        Assert.True(code == 0, err);
        OracleMatchAssert.FolderEquals(Path.Combine(dir, expected), outDir, channels);
    }

    [Theory]
    [MemberData(nameof(StackCases))]
    public void MagmapStack_OracleCase_SameBytesForOneAndTwoThreads(string name)
    {
        string dir = RepoPaths.Case(name);
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
        var files = Directory.GetFiles(a).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("summary.json", files);
        Assert.Contains(files, f => f!.StartsWith("matches_c", StringComparison.Ordinal));
        Assert.Equal(files, Directory.GetFiles(b).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        foreach (var f in files)
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, f!)), File.ReadAllBytes(Path.Combine(b, f!)));
    }

    private static (int, int)[] HonouredPairs(string expectedDir, int[] channels)
    {
        using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(expectedDir, "summary.json")));
        return summary.RootElement.GetProperty("pairs").EnumerateArray()
            .Select(p => (p[0].GetInt32(), p[1].GetInt32()))
            .Where(p => channels.Contains(p.Item1) && channels.Contains(p.Item2))
            .ToArray();
    }

    private static int[]? ChannelsOf(string expectedFolder) =>
        expectedFolder.StartsWith("expected_channels_", StringComparison.Ordinal)
            ? expectedFolder["expected_channels_".Length..].Split('_').Select(int.Parse).ToArray()
            : null;
}
