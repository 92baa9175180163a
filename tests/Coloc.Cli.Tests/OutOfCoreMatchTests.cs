using Coloc.TestKit;

namespace Coloc.Cli.Tests;

/// <summary>
/// <c>coloc match --out-of-core</c>: the same folder bytes as the in-memory run; refused (exit 2, one line, nothing
/// written) where it cannot run; no slab files left behind.
/// </summary>
public sealed class OutOfCoreMatchTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        int code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>Three channels (so multi_positive is written), coincident blobs and chains, 600 rows.</summary>
    private static string Blobs(string dir)
    {
        var rnd = new Random(16);
        var lines = new List<string> { "z,y,x,radius,confirmed,truth,channel" };
        for (int i = 0; i < 600; i++)
            lines.Add(FormattableString.Invariant($"{rnd.Next(0, 40) / 2.0},{rnd.Next(0, 12)},{rnd.Next(0, 12)},{1 + i % 3},-1,-1,{rnd.Next(0, 3)}"));
        lines.Add(lines[5]);
        string path = Path.Combine(dir, "blobs.csv");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void OutOfCore_Forced_SameBytesAsInMemory(string threads)
    {
        string dir = RepoPaths.NewTempDir();
        string blobs = Blobs(dir);
        string[] common = ["match", "--blobs", blobs, "--shape", "20,12,12", "--tol", "1.5,1,1", "--threads", threads];
        var mem = Run([.. common, "--out", Path.Combine(dir, "mem"), "--out-of-core", "off"]);
        var slab = Run([.. common, "--out", Path.Combine(dir, "slab"), "--out-of-core", "on", "--slab-memory", "64"]);
        Assert.Equal((0, 0), (mem.Code, slab.Code));
        Assert.Contains("out of core", slab.Out);
        var names = Directory.GetFiles(Path.Combine(dir, "mem")).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(4, names.Length);
        Assert.Equal(names, Directory.GetFiles(Path.Combine(dir, "slab")).Select(Path.GetFileName).Order().ToArray());
        foreach (var n in names)
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "mem", n!)), File.ReadAllBytes(Path.Combine(dir, "slab", n!)));
        Assert.Contains("multi_positive", File.ReadAllText(Path.Combine(dir, "slab", "summary.json")));
        Assert.Equal(new[] { "blobs.csv", "mem", "slab" }, Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Order().ToArray());
    }

    [Theory]
    [InlineData("--mode", "magmap", "--mode")]
    [InlineData("--db", "x.db", "--db")]
    public void OutOfCore_ForcedWhereItCannotRun_Exit2(string flag, string value, string mention)
    {
        string dir = RepoPaths.NewTempDir();
        string blobs = Blobs(dir);
        var r = Run("match", "--blobs", blobs, "--shape", "20,12,12", "--out", Path.Combine(dir, "o"), "--out-of-core", "on", flag, value);
        Assert.Equal(ExitCodes.BadInput, r.Code);
        Assert.Contains("--out-of-core", r.Err);
        Assert.Contains(mention, r.Err);
        Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
        Assert.Equal(new[] { "blobs.csv" }, Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).ToArray());
    }

    [Fact]
    public void OutOfCore_BadRow_Exit2NamingLineAndNothingLeft()
    {
        string dir = RepoPaths.NewTempDir();
        string blobs = Path.Combine(dir, "blobs.csv");
        File.WriteAllText(blobs, "z,y,x,radius,confirmed,truth,channel\n1,1,1,2,-1,-1,0\n1,1,2,2,-1,-1,1\n1,x,1,2,-1,-1,0\n");
        var r = Run("match", "--blobs", blobs, "--shape", "5,5,5", "--tol", "2,2,2", "--out", Path.Combine(dir, "o"), "--out-of-core", "on");
        Assert.Equal(ExitCodes.BadInput, r.Code);
        Assert.Contains("blobs.csv:4", r.Err);
        Assert.Equal(new[] { "blobs.csv" }, Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).ToArray());
    }
}
