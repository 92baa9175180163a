using Coloc.TestKit;

namespace Coloc.Cli.Tests;

/// <summary>Bad values of shared options: the same one-line message, naming the flag, on every command.</summary>
public sealed class SharedOptionErrorTests
{
    private static (int Code, string Err) Run(params string[] args)
    {
        var err = new StringWriter();
        int code = Program.Run(args, new StringWriter(), err);
        return (code, err.ToString());
    }

    private static void AssertOneLine((int Code, string Err) r, string start)
    {
        Assert.Equal(ExitCodes.BadInput, r.Code);
        Assert.StartsWith(start, r.Err);
        Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Match_UnknownMode_NamesTheFlag() =>
        AssertOneLine(Run("match", "--blobs", "b.csv", "--out", "o", "--shape", "1,1,1", "--mode", "bogus"), "coloc: --mode: 'bogus' is not one of exact|magmap");

    [Theory]
    [InlineData("match", "--blobs", "b.csv", "--out", "o", "--shape", "1,1,1")]
    [InlineData("intensity", "--image", "i.tif", "--blobs", "b.csv", "--out", "o.csv")]
    [InlineData("detect", "--image", "i.tif", "--out", "o.csv")]
    [InlineData("run", "--image", "i.tif", "--out", "o")]
    [InlineData("merge", "--plan", "p", "--out", "o")]
    [InlineData("run-block", "--plan", "p", "--block-index", "0")]
    public void Threads_BelowOne_RefusedTheSameWayEverywhere(params string[] args) =>
        AssertOneLine(Run([.. args, "--threads", "0"]), "coloc: --threads: must be >= 1, got 0");

    [Fact]
    public void Match_TolUmWithoutResolution_NamesBoth() =>
        AssertOneLine(Run("match", "--blobs", "b.csv", "--out", "o", "--shape", "5,5,5", "--tol-um", "1,1,1"), "coloc: --tol-um: needs --resolution");

    [Fact]
    public void Match_ExperimentWithoutDatabase_NamesBoth() =>
        AssertOneLine(Run("match", "--blobs", "b.csv", "--out", "o", "--shape", "5,5,5", "--exp-name", "x"), "coloc: --exp-name: needs --db");

    [Fact]
    public void Match_ChannelsBadValue_NamesTheFlagAndTheBase() =>
        AssertOneLine(Run("match", "--blobs", "b.csv", "--out", "o", "--shape", "5,5,5", "--channels", "-1"), "coloc: --channels: 0-based whole numbers >= 0 expected");
}
