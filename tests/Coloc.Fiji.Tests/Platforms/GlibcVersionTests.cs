using System.IO.Compression;
using System.Text.RegularExpressions;
using Coloc.Fiji.Tests.ImageJ;
using Coloc.TestKit;

namespace Coloc.Fiji.Tests.Platforms;

/// <summary>
/// Every Linux binary Coloc ships needs at most <c>GLIBC_2.28</c> (RHEL/Rocky 8), though it is linked on Debian 12
/// (glibc 2.36): src/build/GlibcCompat.targets binds the symbols that moved or changed in 2.29-2.34 to their old versions.
/// Read from the dynamic symbol table with <c>objdump -T</c>.
/// </summary>
public sealed partial class GlibcVersionTests
{
    /// <summary>The newest glibc the binaries may need: RHEL/Rocky 8's.</summary>
    private static readonly Version Ceiling = new(2, 28);

    [Theory]
    [InlineData("linux-x64")]
    [InlineData("linux-arm64")]
    public void PluginNative_NeedsAtMostGlibc228(string rid)
    {
        string lib = Path.Combine(RepoPaths.NewTempDir(), "libcoloc.so");
        using (var jar = ZipFile.OpenRead(ImageJHost.PluginJar))
            jar.GetEntry($"native/{rid}/libcoloc.so")!.ExtractToFile(lib);
        AssertAtMost228(lib);
    }

    /// <summary>The same check on a binary with a symbol from glibc 2.34 fails: the parser sees what it must.</summary>
    [Fact]
    public void Check_OnPlainLinkAgainstHostGlibc_SeesNewerVersion()
    {
        string dir = RepoPaths.NewTempDir(), src = Path.Combine(dir, "t.c"), so = Path.Combine(dir, "t.so");
        File.WriteAllText(src, "#include <pthread.h>\nint f(pthread_t* t) { return pthread_create(t, 0, 0, 0); }\n");
        var cc = ImageJHost.Run("cc", ["-shared", "-fPIC", "-o", so, src], dir);
        Assert.True(cc.ExitCode == 0, cc.ToString());
        var (newest, symbol) = NewestGlibc(so);
        Assert.True(newest > Ceiling, $"expected a symbol newer than 2.28 in a plain link, newest is {newest} ({symbol})");
        Assert.Equal("pthread_create", symbol);
    }

    internal static void AssertAtMost228(string binary)
    {
        var (newest, symbol) = NewestGlibc(binary);
        Assert.True(newest <= Ceiling, $"{binary} needs GLIBC_{newest} (for {symbol}); at most GLIBC_{Ceiling} is allowed: add it to src/build/GlibcCompat.targets and src/build/glibc-compat/glibc_compat.c");
        Assert.True(newest >= new Version(2, 2), $"no GLIBC_ version read from {binary}");
    }

    /// <summary>The highest <c>GLIBC_x.y[.z]</c> among the binary's dynamic symbols, and one symbol that needs it.</summary>
    internal static (Version Newest, string Symbol) NewestGlibc(string binary)
    {
        var r = ImageJHost.Run("objdump", ["-T", binary], Path.GetDirectoryName(binary)!);
        Assert.True(r.ExitCode == 0, "objdump -T failed (apt-get install binutils): " + r);
        var newest = new Version(0, 0);
        string symbol = "";
        foreach (Match m in GlibcRef().Matches(r.Stdout))
        {
            var v = Version.Parse(m.Groups[1].Value);
            if (v > newest) (newest, symbol) = (v, m.Groups[2].Value);
        }
        return (newest, symbol);
    }

    [GeneratedRegex(@"\(?GLIBC_(\d+\.\d+(?:\.\d+)?)\)?\s+(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex GlibcRef();
}
