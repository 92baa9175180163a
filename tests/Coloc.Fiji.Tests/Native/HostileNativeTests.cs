using System.Diagnostics;
using System.Text.RegularExpressions;
using Coloc.Fiji.Tests.ImageJ;
using Coloc.TestKit;
using Microsoft.Data.Sqlite;

namespace Coloc.Fiji.Tests.Native;

/// <summary>
/// The hostile inputs of issue 17 through libcoloc.so inside a real JVM: each raises a Java exception (or answers
/// correctly), the JVM never aborts; and a JVM killed with SIGKILL during a native call writing CSV files and a
/// database leaves no corrupt output.
/// </summary>
[Collection(ImageJCollection.Name)]
public sealed class HostileNativeTests
{
    /// <summary>A MagellanMapper database of schema version 99 (written by coloc, then its version raised).</summary>
    internal static string DatabaseOfVersion99(string dir)
    {
        string csv = Path.Combine(dir, "pair.csv"), db = Path.Combine(dir, "v99.db");
        File.WriteAllText(csv, "z,y,x,radius,confirmed,truth,channel\n3,12,15,2,-1,-1,0\n3,12,16,2,-1,-1,1\n");
        int code = Coloc.Cli.Program.Run(["match", "--blobs", csv, "--shape", "6,32,32", "--out", Path.Combine(dir, "m"), "--db", db], new StringWriter(), new StringWriter());
        Assert.Equal(0, code);
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "UPDATE about SET version = 99";
        cmd.ExecuteNonQuery();
        return db;
    }

    [Fact]
    public void Exports_HostileInputs_EachThrowsAJavaExceptionOrAnswersAndTheJvmLives()
    {
        string dir = RepoPaths.NewTempDir();
        string db = DatabaseOfVersion99(dir);
        byte[] before = File.ReadAllBytes(db);
        var r = JavaHarness.Run("coloc.fijitest.HostileNative", "512m", 300, "inputs", dir);
        Assert.True(r.ExitCode == 0, r.ToString());
        string Line(string name) => Regex.Match(r.Stdout, "^" + Regex.Escape(name) + ": (.*)$", RegexOptions.Multiline) is { Success: true } m
            ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException($"no line for {name}: {r}");
        foreach (var name in new[] { "rows-2147483647 detect", "rows-2147483647 statistics", "rows-2147483647 intensity", "rows-2147483647 match" })
            Assert.StartsWith("thrown IllegalArgumentException", Line(name));
        Assert.Matches("^thrown IllegalArgumentException: .*(kernel|sigma|diameter)", Line("max_sigma_factor=1e6 detect"));
        Assert.Matches("^thrown IllegalArgumentException: .*num_sigma", Line("num_sigma=100000 detect"));
        Assert.Matches("^thrown IllegalArgumentException: .*threads", Line("threads=2147483647 match"));
        Assert.StartsWith("thrown IllegalArgumentException", Line("resolution=1e-300 detect"));
        foreach (var mode in new[] { "exact", "magmap" })
            Assert.Matches("^(thrown IllegalArgumentException|returned 14 values)", Line("resolution=1e-300 match " + mode));
        // 1,000 identical blobs per channel pair one to one, in well under a second of matching.
        var coincident = Regex.Match(Line("coincident-1000 match exact"), @"^returned (\d+) values in (\d+) ms$");
        Assert.True(coincident.Success, r.ToString());
        Assert.Equal(1000 * 14, int.Parse(coincident.Groups[1].Value));
        Assert.True(int.Parse(coincident.Groups[2].Value) < 10_000, r.ToString());
        Assert.StartsWith("returned", Line("coincident-1000 match magmap"));
        Assert.Matches("^thrown IllegalArgumentException: .*99", Line("schema-99 match into"));
        // Reading a newer schema read-only may answer (the one match) or refuse; either way the file stays as it was.
        Assert.Matches("^(returned 14 values|thrown IllegalArgumentException: .*99)", Line("schema-99 select"));
        Assert.Equal(before, File.ReadAllBytes(db));
        Assert.Equal("OK", Line("alive"));
        Assert.DoesNotContain("# A fatal error", r.Stdout + r.Stderr);
    }

    /// <summary>
    /// tests/hostile/kill9-test.sh with a JVM as the writer: SIGKILL at random moments while one native call matches
    /// 3 × 40,000 blobs into a folder, then into a folder and a database; 5 trials of each.
    /// </summary>
    [Fact]
    public async Task Jvm_Killed5TimesDuringNativeWrites_NoCorruptOutputAndNextRunSucceeds()
    {
        string script = Path.Combine(RepoPaths.RepoRoot, "tests", "hostile", "kill9-test.sh");
        string java = $"java -Xmx512m -Djava.awt.headless=true -cp {JavaHarness.HarnessClassPath} coloc.fijitest.HostileNative";
        var psi = new ProcessStartInfo("bash", [script, java, "5"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["KILL9_BLOBS"] = "40000";
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = await p.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await p.WaitForExitAsync(timeout.Token);
        Assert.True(p.ExitCode == 0, stdout + await stderr);
        Assert.Contains("kill9: 10 passed, 0 failed", stdout);
    }
}
