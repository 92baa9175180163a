using Coloc.TestKit;

namespace Coloc.Oracle.Tests.Magmap;

/// <summary>
/// Oracle group A (<c>colocalize_blobs_match</c> on one ROI): <c>coloc match --mode magmap</c> must write MagellanMapper's
/// matches row for row, every number bit-identical. Every <c>A*</c> folder found is a case, so added cases are picked up.
/// </summary>
public sealed class RoiGoldenTests
{
    public static TheoryData<string> Cases() => new(RepoPaths.Cases("A").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MagmapRoi_OracleCase_MatchesMagellanMapperRowForRow(string name)
    {
        string dir = RepoPaths.Case(name);
        var p = OracleParams.Load(dir);
        string outDir = RepoPaths.NewTempDir();
        var args = new List<string>
        {
            "match", "--mode", "magmap", "--blobs", Path.Combine(dir, "blobs.csv"), "--out", outDir,
            "--roi-offset", OracleParams.Arg(p.Vector("offset_xyz")!, reverse: true),
            "--roi-size", OracleParams.Arg(p.Vector("size_xyz")!, reverse: true),
            // MagellanMapper's tol acts as z,y,x although documented x,y,z (README, Differences from MagellanMapper,
            // D1): pass it as is.
            "--tol", OracleParams.Arg(p.Vector("tol")!),
        };
        if (p.Vector("inner_padding_xyz") is { } pad) args.AddRange(["--inner-padding", OracleParams.Arg(pad, reverse: true)]);
        if (p.Vector("channels") is { } ch) args.AddRange(["--channels", OracleParams.Arg(ch)]);
        var (code, _, err) = CliRunner.Run(args.ToArray());
        Assert.True(code == 0, err);
        OracleMatchAssert.FolderEquals(Path.Combine(dir, "expected"), outDir);
    }
}
