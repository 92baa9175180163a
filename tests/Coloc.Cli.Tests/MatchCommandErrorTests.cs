using Coloc.TestKit;

namespace Coloc.Cli.Tests;

/// <summary>Bad input to <c>coloc match</c>: one line naming the input and the problem, exit code 2, nothing written.</summary>
public sealed class MatchCommandErrorTests
{
    private static (int Code, string Err, string OutDir) Run(string csv, params string[] extra)
    {
        string dir = RepoPaths.NewTempDir();
        string blobs = Path.Combine(dir, "blobs.csv");
        File.WriteAllText(blobs, csv);
        string outDir = Path.Combine(dir, "out");
        var args = new List<string> { "match", "--blobs", blobs, "--out", outDir, "--mode", "magmap" };
        args.AddRange(extra.Length > 0 ? extra : ["--shape", "10,10,10"]);
        var err = new StringWriter();
        int code = Program.Run(args.ToArray(), new StringWriter(), err);
        return (code, err.ToString(), outDir);
    }

    private const string Good = "z,y,x,radius,confirmed,truth,channel\n1,1,1,2,-1,-1,0\n1,1,2,2,-1,-1,1\n";

    private static void AssertRejected((int Code, string Err, string OutDir) r, string mention)
    {
        Assert.Equal(ExitCodes.BadInput, r.Code);
        Assert.Contains(mention, r.Err);
        Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
        Assert.False(Directory.Exists(r.OutDir) && Directory.EnumerateFileSystemEntries(r.OutDir).Any(), "no output may be left behind");
    }

    [Fact]
    public void Match_MissingFile_Exit2NamingIt()
    {
        var err = new StringWriter();
        int code = Program.Run(["match", "--blobs", "/nonexistent/b.csv", "--out", RepoPaths.NewTempDir(), "--shape", "1,1,1"], new StringWriter(), err);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("/nonexistent/b.csv", err.ToString());
    }

    [Fact]
    public void Match_HeaderWithoutChannel_Exit2NamingColumn() =>
        AssertRejected(Run("z,y,x,radius,confirmed,truth\n1,1,1,2,-1,-1\n"), "channel");

    [Fact]
    public void Match_NaNCoordinate_Exit2NamingLine() =>
        AssertRejected(Run(Good + "nan,1,1,2,-1,-1,0\n"), "blobs.csv:4");

    [Fact]
    public void Match_InfiniteCoordinate_Exit2() =>
        AssertRejected(Run(Good + "1,inf,1,2,-1,-1,0\n"), "must be finite");

    [Fact]
    public void Match_FractionalChannel_Exit2() =>
        AssertRejected(Run(Good + "1,1,1,2,-1,-1,0.5\n"), "channel");

    [Fact]
    public void Match_NonPositiveShape_Exit2NamingFlag() =>
        AssertRejected(Run(Good, "--shape", "0,10,10"), "--shape");

    [Fact]
    public void Match_NonPositiveTolerance_Exit2NamingFlag() =>
        AssertRejected(Run(Good, "--roi-offset", "0,0,0", "--roi-size", "5,5,5", "--tol", "1,0,1"), "--tol");

    [Fact]
    public void Match_UnknownProfile_Exit2NamingIt() =>
        AssertRejected(Run(Good, "--shape", "10,10,10", "--profile", "default,bogus"), "bogus");

    [Fact]
    public void Match_MalformedVector_Exit2NamingFlag() =>
        AssertRejected(Run(Good, "--shape", "10,10"), "--shape");

    [Fact]
    public void Match_UnknownMode_OneLineExit2()
    {
        var err = new StringWriter();
        int code = Program.Run(["match", "--blobs", "b.csv", "--out", "o", "--shape", "1,1,1", "--mode", "bogus"], new StringWriter(), err);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("bogus", err.ToString());
        Assert.Single(err.ToString().TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Match_UnwritableOutput_Exit2AndNoFiles()
    {
        string dir = RepoPaths.NewTempDir();
        string blobs = Path.Combine(dir, "blobs.csv");
        File.WriteAllText(blobs, Good);
        string blocker = Path.Combine(dir, "file");
        File.WriteAllText(blocker, "not a folder");
        var err = new StringWriter();
        int code = Program.Run(["match", "--blobs", blobs, "--out", Path.Combine(blocker, "out"), "--mode", "magmap", "--shape", "10,10,10"], new StringWriter(), err);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("out", err.ToString());
        Assert.Equal([blobs, blocker], Directory.GetFiles(dir).Order());
    }

    [Fact]
    public void Match_GoodInput_WritesTablesAndSummary()
    {
        var r = Run(Good, "--roi-offset", "0,0,0", "--roi-size", "3,3,3", "--tol", "2,2,2", "--inner-padding", "0,0,0");
        Assert.Equal(0, r.Code);
        Assert.Equal(["matches_c0_c1.csv", "summary.json"], Directory.GetFiles(r.OutDir).Select(Path.GetFileName).Order());
        Assert.Equal(2, File.ReadAllLines(Path.Combine(r.OutDir, "matches_c0_c1.csv")).Length);
    }
}
