using Coloc.Fiji.Tests.ImageJ;
using Coloc.TestKit;

namespace Coloc.Fiji.Tests.Platforms;

/// <summary>
/// The win-x64 `coloc.exe` (self-contained trimmed single file, artifacts/cli/win-x64, built by src/build/cli-aot) under
/// Debian's wine64 writes linux-x64's bytes: the CLI quick start with a results database.
/// </summary>
public sealed class WineTests
{
    [Fact]
    public async Task WindowsColoc_UnderWine_WritesLinuxX64Bytes()
    {
        string exe = Path.Combine(RepoPaths.RepoRoot, "artifacts", "cli", "win-x64", "coloc.exe");
        if (!File.Exists(exe)) throw new FileNotFoundException($"{exe} is missing (dotnet build src/build/cli-aot)");
        const string wine = "/usr/lib/wine/wine64";
        if (!File.Exists(wine)) throw new FileNotFoundException($"{wine} is missing (apt-get install wine64)");
        string dir = RepoPaths.NewTempDir(), blobs = Path.Combine(RepoPaths.RepoRoot, "macros", "sample", "blobs.csv");
        string[] Args(string name) => ["match", "--blobs", blobs, "--out", Path.Combine(dir, name), "--mode", "magmap",
            "--shape", "60,1100,1100", "--resolution", "1,1,1", "--db", Path.Combine(dir, name + ".db")];
        var psi = new System.Diagnostics.ProcessStartInfo("timeout") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        foreach (var a in new[] { "-k", "10", "600", wine, exe }.Concat(Args("win"))) psi.ArgumentList.Add(a);
        psi.Environment["WINEPREFIX"] = Path.Combine(dir, "wineprefix");
        psi.Environment["WINEDEBUG"] = "-all";
        using (var p = System.Diagnostics.Process.Start(psi)!)
        {
            var err = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            string errText = await err;
            Assert.True(p.ExitCode == 0, $"wine64 coloc.exe exit {p.ExitCode}\n{stdout}\n{errText}");
            Assert.Contains("0,1: 176 matches", stdout);
        }
        var linux = ImageJHost.Run(CliAotTests.AotColoc, Args("linux"), dir);
        Assert.True(linux.ExitCode == 0, linux.ToString());
        EngineReference.AssertSameFolder(Path.Combine(dir, "linux"), Path.Combine(dir, "win"));
    }
}
