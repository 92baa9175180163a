using System.Diagnostics;
using Coloc.TestKit;

namespace Coloc.Cli.Tests;

/// <summary>
/// <c>kill -9</c> at random moments during <c>coloc match --out</c> and <c>--out --db</c>, 5 trials of each
/// (tests/hostile/kill9-test.sh, which runs 20 of each by default): no half-written or mixed result is ever visible
/// (summary.json present only beside every table complete), the database stays intact and all-or-nothing, and the next
/// run into the same folder and database succeeds with the reference result and leaves no temporary file.
/// </summary>
public sealed class KillNineTests
{
    [Fact]
    public async Task Match_Killed5TimesEachCsvAndDatabase_NoHalfResultAndNextRunSucceeds()
    {
        string script = Path.Combine(RepoPaths.RepoRoot, "tests", "hostile", "kill9-test.sh");
        string coloc = "dotnet " + Path.Combine(AppContext.BaseDirectory, "coloc.dll");
        var psi = new ProcessStartInfo("bash", [script, coloc, "5"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["KILL9_BLOBS"] = "40000";
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = await p.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await p.WaitForExitAsync(timeout.Token);
        string all = stdout + await stderr;
        Assert.True(p.ExitCode == 0, all);
        Assert.Contains("kill9: 10 passed, 0 failed", stdout);
    }
}
