using Xunit.Abstractions;

namespace Coloc.Cli.Tests.Fuzz;

/// <summary>
/// The fuzz harnesses in the test run: each replays its seeds and committed corpus (regression cases included) and
/// then fuzzes for a short budget — <c>COLOC_FUZZ_SECONDS</c> seconds per harness when set (the CI's bounded run),
/// else 300 mutated inputs. With <c>COLOC_FUZZ_REPORT</c> set, appends "HARNESS INPUTS FINDINGS" to that file.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    public static TheoryData<string> Harnesses => new(FuzzHarness.All.Select(h => h.Name));

    [Theory]
    [MemberData(nameof(Harnesses))]
    public void Harness_SeedsCorpusAndMutations_NoCrash(string name)
    {
        var harness = FuzzHarness.All.Single(h => h.Name == name);
        double seconds = double.TryParse(Environment.GetEnvironmentVariable("COLOC_FUZZ_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 0;
        var (inputs, findings) = seconds > 0
            ? FuzzRun.Run(harness, TimeSpan.FromSeconds(seconds), long.MaxValue, Environment.TickCount)
            : FuzzRun.Run(harness, TimeSpan.FromMinutes(2), 300, 17);
        output.WriteLine($"{name}: {inputs} inputs, {findings.Count} findings");
        if (Environment.GetEnvironmentVariable("COLOC_FUZZ_REPORT") is { Length: > 0 } report)
            lock (typeof(FuzzTests)) File.AppendAllText(report, $"{name} {inputs} {findings.Count}\n" + string.Concat(findings.Select(f => "  " + f + "\n")));
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }
}
