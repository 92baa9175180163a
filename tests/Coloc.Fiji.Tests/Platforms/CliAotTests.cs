using Coloc.Fiji.Tests.ImageJ;
using Coloc.TestKit;

namespace Coloc.Fiji.Tests.Platforms;

/// <summary>
/// <c>coloc</c> as a NativeAOT executable (artifacts/cli/linux-x64/coloc, built by src/build/cli-aot in the solution build)
/// gives the .NET build's bytes on the README's CLI quick start, with and without a results database, and needs
/// neither a .NET runtime nor a second file.
/// </summary>
public sealed class CliAotTests
{
    private static string Sample => Path.Combine(RepoPaths.RepoRoot, "macros", "sample");

    /// <summary>The NativeAOT binary.</summary>
    public static string AotColoc
    {
        get
        {
            var p = Path.Combine(RepoPaths.RepoRoot, "artifacts", "cli", "linux-x64", "coloc");
            if (!File.Exists(p)) throw new FileNotFoundException($"{p} is missing (dotnet build src/build/cli-aot, or the solution build)");
            return p;
        }
    }

    /// <summary>The JIT build of src/Coloc.Cli (coloc.dll, run with dotnet), newest of Debug/Release.</summary>
    private static string ManagedColoc()
    {
        var dll = new[] { "Debug", "Release" }
            .Select(c => Path.Combine(RepoPaths.RepoRoot, "src", "Coloc.Cli", "bin", c, "net10.0", "coloc.dll"))
            .Where(File.Exists).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        return dll ?? throw new FileNotFoundException("src/Coloc.Cli/bin/*/net10.0/coloc.dll is missing (dotnet build src/Coloc.Cli)");
    }

    private static ProcessResult Aot(string dir, params string[] args) =>
        ImageJHost.Run("timeout", new[] { "-k", "10", "300", AotColoc }.Concat(args), dir);

    private static ProcessResult Managed(string dir, params string[] args) =>
        ImageJHost.Run("timeout", new[] { "-k", "10", "300", "dotnet", ManagedColoc() }.Concat(args), dir);

    private static string[] QuickStart(string outDir) =>
        ["match", "--blobs", Path.Combine(Sample, "blobs.csv"), "--out", outDir, "--mode", "magmap", "--shape", "60,1100,1100", "--resolution", "1,1,1"];

    [Fact]
    public void QuickStart_NativeAot_WritesTheDotnetBuildsBytes()
    {
        string dir = RepoPaths.NewTempDir(), aotOut = Path.Combine(dir, "aot"), netOut = Path.Combine(dir, "net");
        var a = Aot(dir, QuickStart(aotOut));
        var m = Managed(dir, QuickStart(netOut));
        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.True(m.ExitCode == 0, m.ToString());
        // Same summary lines; the last line names the folder and the seconds taken.
        static string[] Summary(string stdout) => stdout.Split('\n').Where(l => !l.StartsWith("wrote ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(Summary(m.Stdout), Summary(a.Stdout));
        Assert.Contains("0,1: 176 matches", a.Stdout);
        Assert.Contains("matches_c0_c1.csv", Directory.GetFiles(aotOut).Select(Path.GetFileName));
        EngineReference.AssertSameFolder(netOut, aotOut);
    }

    [Fact]
    public void Database_NativeAotWithStaticSqlite_ReadsBackWhatTheDotnetBuildReads()
    {
        string dir = RepoPaths.NewTempDir();
        string aotDb = Path.Combine(dir, "aot.db"), netDb = Path.Combine(dir, "net.db");
        var a = Aot(dir, [.. QuickStart(Path.Combine(dir, "aot")), "--db", aotDb]);
        var m = Managed(dir, [.. QuickStart(Path.Combine(dir, "net")), "--db", netDb]);
        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.True(m.ExitCode == 0, m.ToString());
        EngineReference.AssertSameFolder(Path.Combine(dir, "net"), Path.Combine(dir, "aot"));
        // Each reads the other's database: the SQLite linked into the binary and the package's agree on the file.
        var aSel = Aot(dir, "db", "select", "--db", netDb, "--channels", "0,1", "--out", Path.Combine(dir, "aot-sel"));
        var mSel = Managed(dir, "db", "select", "--db", aotDb, "--channels", "0,1", "--out", Path.Combine(dir, "net-sel"));
        Assert.True(aSel.ExitCode == 0, aSel.ToString());
        Assert.True(mSel.ExitCode == 0, mSel.ToString());
        EngineReference.AssertSameFolder(Path.Combine(dir, "net-sel"), Path.Combine(dir, "aot-sel"));
        Assert.Equal(177, File.ReadAllLines(Path.Combine(dir, "aot-sel", "matches_c0_c1.csv")).Length);
    }

    [Fact]
    public void Binary_IsOneSelfContainedFile_SameVersionAsDotnetBuild()
    {
        var dir = RepoPaths.NewTempDir();
        var a = Aot(dir, "--version");
        var m = Managed(dir, "--version");
        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.True(m.ExitCode == 0, m.ToString());
        // "0.1.0+<commit>": the commit part differs while one of the two is older than the last commit.
        Assert.Equal(m.Stdout.Split('+')[0], a.Stdout.Split('+')[0]);
        Assert.Matches(@"^\d+\.\d+\.\d+", a.Stdout);
        var ldd = ImageJHost.Run("objdump", ["-p", AotColoc], dir);
        var needed = ldd.Stdout.Split('\n').Where(l => l.TrimStart().StartsWith("NEEDED", StringComparison.Ordinal))
            .Select(l => l.Trim()["NEEDED".Length..].Trim()).Order(StringComparer.Ordinal).ToArray();
        // librt.so.1: shm_open/shm_unlink bound to their GLIBC_2.2.5 versions (glibc >= 2.34 moved them into libc).
        Assert.Equal(["ld-linux-x86-64.so.2", "libc.so.6", "libdl.so.2", "libm.so.6", "libpthread.so.0", "librt.so.1"], needed);
        // Alone in an empty folder (no libe_sqlite3.so beside it), it still writes and reads a database.
        string alone = Path.Combine(dir, "alone");
        Directory.CreateDirectory(alone);
        File.Copy(AotColoc, Path.Combine(alone, "coloc"));
        var r = ImageJHost.Run(Path.Combine(alone, "coloc"), [.. QuickStart(Path.Combine(dir, "out")), "--db", Path.Combine(dir, "x.db")], alone);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(["coloc"], Directory.GetFiles(alone).Select(Path.GetFileName));
    }

    [Fact]
    public void PlaneFolder_NativeAot_SameBytesAsDotnet_AndHdf5RefusedInOneLine()
    {
        var img = ToolImages.Write(12, 40, 36);
        string dir = RepoPaths.NewTempDir(), a = Path.Combine(dir, "a.csv"), m = Path.Combine(dir, "m.csv");
        var ra = Aot(dir, "detect", "--image", img.Planes, "--out", a);
        var rm = Managed(dir, "detect", "--image", img.Planes, "--out", m);
        Assert.True(ra.ExitCode == 0, ra.ToString());
        Assert.True(rm.ExitCode == 0, rm.ToString());
        Assert.Equal(File.ReadAllBytes(m), File.ReadAllBytes(a));
        string none = Path.Combine(dir, "none.csv");
        var h = Aot(dir, "detect", "--image", img.Ims, "--out", none);
        Assert.Equal(2, h.ExitCode);
        Assert.Contains(img.Ims + ": Imaris and BigDataViewer HDF5 images are read by the JIT coloc", h.Stderr);
        Assert.False(File.Exists(none));
    }

    [Fact]
    public void Binary_NeedsAtMostGlibc228() => GlibcVersionTests.AssertAtMost228(AotColoc);
}
