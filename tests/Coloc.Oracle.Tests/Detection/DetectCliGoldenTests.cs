using Coloc.IO.Csv;
using Coloc.Oracle.Tests.Magmap;
using Coloc.TestKit;

namespace Coloc.Oracle.Tests.Detection;

/// <summary>
/// <c>coloc detect</c> on the oracle's roi.tif with the case's profile and the file's own calibration (no
/// <c>--resolution</c>): reads the image correctly oriented and calibrated and writes MagellanMapper's blobs
/// (≥ 99 % within 1 voxel both ways per channel; observed: the same rows).
/// </summary>
public class DetectCliGoldenTests
{
    [Theory]
    [MemberData(nameof(DetectionCase.Names), MemberType = typeof(DetectionCase))]
    public void DetectCli_OracleCase_BlobsOfMagellanMapper(string name)
    {
        var cs = DetectionCase.Load(name);
        var profile = cs.Options.Profiles[0];
        string csv = Path.Combine(RepoPaths.NewTempDir(), "blobs.csv");
        var args = new List<string> { "detect", "--image", Path.Combine(cs.Dir, "roi.tif"), "--out", csv, "--profile", profile.Name,
            "--channels", string.Join(",", cs.Channels) };
        var r = CliRunner.Run(args.ToArray());
        Assert.True(r.Code == 0, r.Err);
        var ours = BlobCsv.Read(csv);
        foreach (int c in cs.Channels)
        {
            var mine = ours.Where(b => b.Channel == c).ToArray();
            var theirs = cs.ExpectedBlobs(c);
            int near = mine.Count(x => theirs.Any(y => Math.Abs(x.Z - y.Z) <= 1 && Math.Abs(x.Y - y.Y) <= 1 && Math.Abs(x.X - y.X) <= 1 && Math.Abs(x.Radius - y.Radius) <= 0.05 * y.Radius));
            int back = theirs.Count(y => mine.Any(x => Math.Abs(x.Z - y.Z) <= 1 && Math.Abs(x.Y - y.Y) <= 1 && Math.Abs(x.X - y.X) <= 1));
            Assert.True(near >= 0.99 * mine.Length && back >= 0.99 * theirs.Length, $"{name} c{c}: {near}/{mine.Length} ours near, {back}/{theirs.Length} theirs near");
        }
    }
}
