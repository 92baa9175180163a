using System.IO.Compression;
using Coloc.Fiji.Tests.ImageJ;
using Coloc.TestKit;

namespace Coloc.Fiji.Tests.Platforms;

/// <summary>
/// One jar for every platform built here: Coloc_Fiji.jar holds linux-x64 and linux-arm64 (cross-built by the solution
/// build), the plugin's NativeLoader maps os.name/os.arch to the RID and extracts into a per-version cache, and in a
/// real arm64 JVM (Debian's openjdk-17 arm64 under qemu-aarch64-static) a Match Blobs call gives linux-x64's bytes.
/// </summary>
[Collection(ImageJCollection.Name)]
public sealed class PluginJarPlatformTests
{
    private static string Sample => Path.Combine(RepoPaths.RepoRoot, "macros", "sample");

    /// <summary>ELF e_machine: EM_X86_64 = 62, EM_AARCH64 = 183.</summary>
    [Theory]
    [InlineData("linux-x64", 62)]
    [InlineData("linux-arm64", 183)]
    public void Jar_HoldsLinuxNativeOfEachArchitecture_AndListsIt(string rid, int elfMachine)
    {
        using var jar = ZipFile.OpenRead(ImageJHost.PluginJar);
        var entry = jar.GetEntry($"native/{rid}/libcoloc.so");
        Assert.True(entry is not null, $"{ImageJHost.PluginJar} lacks native/{rid}/libcoloc.so (entries: {string.Join(", ", jar.Entries.Select(e => e.FullName).Where(n => n.StartsWith("native/", StringComparison.Ordinal)))})");
        var head = new byte[20];
        using (var s = entry!.Open()) s.ReadExactly(head);
        Assert.Equal("\u007fELF"u8.ToArray(), head[..4]);
        Assert.Equal(elfMachine, BitConverter.ToUInt16(head, 18));
        using var list = new StreamReader(jar.GetEntry("native/platforms.txt")!.Open());
        Assert.Contains(rid, list.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Loader_MapsJvmPlatformToRid_AndNamesHeldPlatformsOnUnsupportedOne()
    {
        var r = JavaHarness.Run("coloc.ij.LoaderProbe", "256m", 120,
            "Linux|amd64", "Linux|x86_64", "Linux|aarch64", "Windows 11|amd64", "Windows 10|aarch64",
            "Mac OS X|aarch64", "Mac OS X|x86_64", "SunOS|sparcv9", "Linux|ppc64le", "FreeBSD|amd64");
        Assert.True(r.ExitCode == 0, r.ToString());
        string[] expected =
        [
            "rid Linux|amd64 -> linux-x64", "rid Linux|x86_64 -> linux-x64", "rid Linux|aarch64 -> linux-arm64",
            "rid Windows 11|amd64 -> win-x64", "rid Windows 10|aarch64 -> win-arm64", "rid Mac OS X|aarch64 -> osx-arm64",
            "rid Mac OS X|x86_64 -> osx-x64", "rid SunOS|sparcv9 -> null", "rid Linux|ppc64le -> null", "rid FreeBSD|amd64 -> null",
        ];
        foreach (var line in expected) Assert.Contains(line + "\n", r.Stdout);
        var held = r.Stdout.Split('\n').Single(l => l.StartsWith("held ", StringComparison.Ordinal))[5..].Split(',');
        Assert.Contains("linux-x64", held);
        Assert.Contains("linux-arm64", held);
        var message = r.Stdout.Split('\n').Single(l => l.StartsWith("message ", StringComparison.Ordinal));
        Assert.Contains("not built for osx-arm64 (Mac OS X aarch64)", message);
        Assert.Contains("holds engines for " + string.Join(", ", held), message);
    }

    [Fact]
    public void Loader_ExtractsIntoPerVersionCache_AndReusesTheCopyOnTheNextStart()
    {
        string cache = RepoPaths.NewTempDir();
        var first = RunLoad(cache);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("abi=", first.Stdout);
        var libs = Directory.GetFiles(Path.Combine(cache, "coloc-native"), "libcoloc.so", SearchOption.AllDirectories);
        var lib = Assert.Single(libs);
        // <cache>/coloc-native/<version>/linux-x64-<16 hex of SHA-256>/libcoloc.so
        var folder = Path.GetFileName(Path.GetDirectoryName(lib)!);
        Assert.Matches("^linux-x64-[0-9a-f]{16}$", folder);
        Assert.Equal(Version(), Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(lib))!));
        using (var jar = ZipFile.OpenRead(ImageJHost.PluginJar))
        using (var s = jar.GetEntry("native/linux-x64/libcoloc.so")!.Open())
        using (var m = new MemoryStream())
        {
            s.CopyTo(m);
            Assert.True(m.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes(lib)), "the cached copy differs from the jar's library");
        }
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(lib, stamp);
        var second = RunLoad(cache);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(lib));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(lib)!, "*.part"));
    }

    [Fact]
    public void Arm64Jvm_LoadsEngineFromJarUnderQemu_MatchBlobsBytesEqualLinuxX64()
    {
        string java = Arm64Java();
        string work = RepoPaths.NewTempDir();
        string options(string dir) => $"blobs=[{Path.Combine(Sample, "blobs.csv")}] mode=magmap output=[{dir}]";
        string image = Path.Combine(Sample, "sample.zip");
        string x64Out = Path.Combine(work, "x64"), armOut = Path.Combine(work, "arm64"), cache = Path.Combine(work, "cache");

        var x64 = JavaHarness.Run("coloc.fijitest.MatchProbe", "1g", 300, image, options(x64Out));
        Assert.True(x64.ExitCode == 0, x64.ToString());
        Assert.Contains("platform Linux amd64", x64.Stdout);

        var arm = ImageJHost.Run("timeout", ["-k", "10", "900", "qemu-aarch64-static", java, "-Xmx1g", "-Djava.awt.headless=true",
            "-Dcoloc.native.tmpdir=" + cache, "-cp", JavaHarness.HarnessClassPath, "coloc.fijitest.MatchProbe", image, options(armOut)], work);
        Assert.True(arm.ExitCode == 0, arm.ToString());
        Assert.Contains("platform Linux aarch64", arm.Stdout);
        Assert.Contains("version coloc ABI", arm.Stdout);
        Assert.Contains("summary 1,2: 176 matches", arm.Stdout);
        // The loader took the arm64 library out of the jar, into the per-version cache.
        var lib = Assert.Single(Directory.GetFiles(Path.Combine(cache, "coloc-native"), "libcoloc.so", SearchOption.AllDirectories));
        Assert.StartsWith("linux-arm64-", Path.GetFileName(Path.GetDirectoryName(lib)!));
        Assert.NotEmpty(Directory.GetFiles(armOut));
        EngineReference.AssertSameFolder(x64Out, armOut);
    }

    private static ProcessResult RunLoad(string cache) =>
        ImageJHost.Run("timeout", ["-k", "10", "120", "java", "-Dcoloc.native.tmpdir=" + cache, "-cp", JavaHarness.HarnessClassPath, "coloc.ij.LoaderProbe", "load"], cache);

    private static string Version()
    {
        using var jar = ZipFile.OpenRead(ImageJHost.PluginJar);
        using var r = new StreamReader(jar.GetEntry("native/version.txt")!.Open());
        var v = r.ReadToEnd().Trim();
        Assert.Matches(@"^\d+\.\d+\.\d+", v);
        return v;
    }

    /// <summary>The arm64 JVM unpacked by .ci/setup-arm64-jre.sh (COLOC_ARM64_JRE or /opt/coloc/arm64-jre).</summary>
    private static string Arm64Java()
    {
        var dir = Environment.GetEnvironmentVariable("COLOC_ARM64_JRE") is { Length: > 0 } d ? d : "/opt/coloc/arm64-jre";
        var java = Path.Combine(dir, "usr", "lib", "jvm", "java-17-openjdk-arm64", "bin", "java");
        if (!File.Exists(java)) throw new FileNotFoundException($"{java} is missing (run .ci/setup-arm64-jre.sh, as .ci/run's install step does)");
        if (!File.Exists("/usr/bin/qemu-aarch64-static")) throw new FileNotFoundException("qemu-aarch64-static is missing (apt-get install qemu-user-static)");
        return java;
    }
}
