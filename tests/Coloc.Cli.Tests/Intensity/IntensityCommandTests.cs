using System.Text.Json;
using Coloc.TestKit;

namespace Coloc.Cli.Tests.Intensity;

public sealed class IntensityCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    public static TheoryData<string, string> Runs()
    {
        var d = new TheoryData<string, string>();
        foreach (var (c, run) in IntensityCases.Runs()) d.Add(c, run);
        return d;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Intensity_OracleCase_WritesMagellanMapperFilesByteForByte(string caseName, string run)
    {
        string dir = RepoPaths.Case(caseName);
        using var p = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "params.json")));
        var t = p.RootElement.GetProperty("thresh_runs").GetProperty(run);
        string thresh = t.ValueKind switch { JsonValueKind.Null => "min", JsonValueKind.String => t.GetString()!, _ => t.GetRawText() };
        string tmp = RepoPaths.NewTempDir();
        var r = Run("intensity", "--image", Path.Combine(dir, "roi.tif"), "--blobs", Path.Combine(dir, "blobs.csv"),
            "--out", Path.Combine(tmp, "flags.csv"), "--diagnostics", Path.Combine(tmp, "diag.csv"), "--thresh", thresh);
        Assert.True(r.Code == 0, r.Err);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "expected", $"colocs_{run}.csv")), File.ReadAllText(Path.Combine(tmp, "flags.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "expected", $"diag_{run}.csv")), File.ReadAllText(Path.Combine(tmp, "diag.csv")));
        Directory.Delete(tmp, true);
    }

    [Theory]
    [InlineData("damaged")]
    [InlineData("missing")]
    [InlineData("thresh")]
    [InlineData("channel")]
    [InlineData("channels")]
    public void Intensity_BadInput_OneLineExit2NoOutput(string what)
    {
        string c01 = RepoPaths.Cases("C").First();
        string tmp = RepoPaths.NewTempDir();
        string image = Path.Combine(c01, "roi.tif"), blobs = Path.Combine(c01, "blobs.csv"), thresh = "min", channels = "0,1";
        switch (what)
        {
            case "damaged":
                image = Path.Combine(tmp, "bad.tif");
                File.WriteAllBytes(image, File.ReadAllBytes(Path.Combine(c01, "roi.tif"))[..5000]);
                break;
            case "missing": image = Path.Combine(tmp, "nope.tif"); break;
            case "thresh": thresh = "101"; break;
            case "channels": channels = "0,7"; break;
            case "channel":
                blobs = Path.Combine(tmp, "blobs.csv");
                File.WriteAllText(blobs, "z,y,x,radius,confirmed,truth,channel\n1,1,1,2,-1,-1,5\n");
                break;
        }
        string outFile = Path.Combine(tmp, "out.csv");
        var r = Run("intensity", "--image", image, "--blobs", blobs, "--out", outFile, "--thresh", thresh, "--channels", channels);
        Assert.Equal(2, r.Code);
        Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("coloc: ", r.Err);
        Assert.Contains(what switch { "damaged" => "bad.tif", "missing" => "nope.tif", "thresh" => "--thresh", "channels" => "--channels", _ => "blobs.csv: blob 0: channel 5" }, r.Err);
        Assert.False(File.Exists(outFile));
        Assert.DoesNotContain(Directory.GetFiles(tmp), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        Directory.Delete(tmp, true);
    }
}
