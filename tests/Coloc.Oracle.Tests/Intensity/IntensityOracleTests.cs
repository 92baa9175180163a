using System.Text.Json;
using Coloc.Core.Image;
using Coloc.Core.Intensity;
using Coloc.IO.Csv;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.Oracle.Tests.Intensity;

/// <summary>
/// Oracle group C (every <c>C*</c> folder, visible or hidden): roi.tif + blobs.csv through TiffStack and
/// IntensityColocalizer against MagellanMapper's colocalize_blobs output, for every run in params.json. Flags and
/// in_roi equal; means and thresholds within 1e-12 relative; NaN exactly where MagellanMapper has NaN.
/// </summary>
public sealed class IntensityOracleTests
{
    private const double RelTol = 1e-12;

    public static TheoryData<string, string> Runs()
    {
        var d = new TheoryData<string, string>();
        foreach (var (c, run) in IntensityCases.Runs()) d.Add(c, run);
        return d;
    }

    [Fact]
    public void Cases_GroupC_AtLeastTwoVisible() => Assert.True(RepoPaths.Cases("C").Count() >= 2);

    [Theory]
    [MemberData(nameof(Runs))]
    public void ColocalizeBlobs_OracleCase_MatchesMagellanMapper(string caseName, string run)
    {
        string dir = RepoPaths.Case(caseName);
        using var p = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "params.json")));
        var t = p.RootElement.GetProperty("thresh_runs").GetProperty(run);
        var rule = t.ValueKind switch
        {
            JsonValueKind.Null => IntensityThreshold.Min,
            JsonValueKind.String => IntensityThreshold.Parse(t.GetString()!),
            _ => IntensityThreshold.Percentile(t.GetDouble()),
        };
        var blobs = BlobCsv.Read(Path.Combine(dir, "blobs.csv"));
        using var stack = TiffStack.Open(Path.Combine(dir, "roi.tif"));
        var image = Enumerable.Range(0, stack.Channels).Select(c => stack.Channel<ushort>(c)).ToArray<IVolume<ushort>>();

        var result = IntensityColocalizer.Run(image, blobs, new IntensityColocOptions { Threshold = rule });

        var colocs = OracleCsv.Read(Path.Combine(dir, "expected", $"colocs_{run}.csv"));
        Assert.Equal(colocs.Rows.Length, result.Count);
        for (int r = 0; r < colocs.Rows.Length; r++)
        {
            int i = (int)colocs.Num(r, "blob_index");
            Assert.Equal(colocs.Num(r, "in_roi") == 1, result.InRoi[i]);
            for (int c = 0; c < result.ImageChannels; c++)
                Assert.True(colocs.Num(r, $"c{c}") == result.Flag(i, c), $"blob {i} channel {c}");
        }

        var diag = OracleCsv.Read(Path.Combine(dir, "expected", $"diag_{run}.csv"));
        Assert.Equal(diag.Rows.Length, result.Diagnostics.Count);
        for (int r = 0; r < diag.Rows.Length; r++)
        {
            var d = result.Diagnostics[r];
            Assert.Equal((int)diag.Num(r, "blob_index"), d.BlobIndex);
            Assert.Equal((int)diag.Num(r, "blob_channel"), d.BlobChannel);
            Assert.Equal((int)diag.Num(r, "other_channel"), d.OtherChannel);
            AssertClose(diag.Num(r, "mean_intensity_in_other"), d.MeanIntensityInOther, $"row {r} mean");
            AssertClose(diag.Num(r, "threshold_of_other"), d.ThresholdOfOther, $"row {r} threshold");
        }

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected", "summary.json")));
        var s = summary.RootElement.GetProperty(run);
        Assert.Equal(s.GetProperty("ones_per_channel").EnumerateArray().Select(e => e.GetInt32()), result.OnesPerChannel());
        foreach (var th in s.GetProperty("threshold_per_channel").EnumerateObject())
        {
            double expected = th.Value.ValueKind == JsonValueKind.String ? double.Parse(th.Value.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : th.Value.GetDouble();
            var actual = result.Thresholds[int.Parse(th.Name, System.Globalization.CultureInfo.InvariantCulture)];
            Assert.NotNull(actual);
            AssertClose(expected, actual!.Value, $"threshold of channel {th.Name}");
        }
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        if (double.IsNaN(expected)) { Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual}"); return; }
        Assert.False(double.IsNaN(actual), $"{what}: got NaN, expected {expected}");
        Assert.True(Math.Abs(expected - actual) <= RelTol * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R}");
    }
}
