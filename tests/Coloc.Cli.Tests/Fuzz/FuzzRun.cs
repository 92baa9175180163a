using System.Security.Cryptography;
using Coloc.TestKit;

namespace Coloc.Cli.Tests.Fuzz;

/// <summary>
/// Runs one harness on its seeds, its committed corpus and crashers (<c>tests/fuzz/HARNESS/*</c>), then on mutations
/// of them until a time budget or input count is spent. A crash is saved under the work folder's <c>crashers</c> (name:
/// SHA-256 of the input; under <c>COLOC_FUZZ_CRASHERS/HARNESS</c> when that is set) to be copied into the corpus as a regression case.
/// </summary>
internal static class FuzzRun
{
    /// <summary>The committed corpus and crashers of <paramref name="harness"/>.</summary>
    public static IReadOnlyList<string> CorpusFiles(FuzzHarness harness)
    {
        string d = Path.Combine(RepoPaths.RepoRoot, "tests", "fuzz", harness.Name);
        return Directory.Exists(d) ? Directory.GetFiles(d).Order(StringComparer.Ordinal).ToArray() : [];
    }

    /// <summary>Runs the harness; returns the number of inputs and the findings (one line each).</summary>
    public static (long Inputs, List<string> Findings) Run(FuzzHarness harness, TimeSpan budget, long maxInputs, int seed)
    {
        string root = RepoPaths.NewTempDir(), work = Path.Combine(root, "w");
        var seeds = harness.MakeSeeds(root).Concat(CorpusFiles(harness).Select(File.ReadAllBytes)).ToList();
        var findings = new List<string>();
        var rng = new Random(seed);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long inputs = 0;
        foreach (var s in seeds) Once(harness, s, work, root, findings, ref inputs);
        while (clock.Elapsed < budget && inputs < maxInputs && seeds.Count > 0)
        {
            var input = Mutator.Mutate(seeds[rng.Next(seeds.Count)], seeds[rng.Next(seeds.Count)], rng);
            Once(harness, input, work, root, findings, ref inputs);
        }
        return (inputs, findings);
    }

    private static void Once(FuzzHarness harness, byte[] input, string work, string root, List<string> findings, ref long inputs)
    {
        inputs++;
        // The readers' harnesses overwrite one input file; only what else a run left (outputs) is cleared.
        Directory.CreateDirectory(work);
        foreach (var d in Directory.EnumerateDirectories(work)) Directory.Delete(d, true);
        try
        {
            harness.Run(input, work);
        }
        catch (Exception e)
        {
            string hash = Convert.ToHexStringLower(SHA256.HashData(input))[..16];
            string dir = Environment.GetEnvironmentVariable("COLOC_FUZZ_CRASHERS") is { Length: > 0 } keep ? Path.Combine(keep, harness.Name) : Path.Combine(root, "crashers");
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, hash), input);
            string at = string.Join(" < ", (e.StackTrace ?? "").Split('\n').Take(3).Select(l => l.Trim()));
            string what = e is FuzzFinding ? e.Message : $"{e.GetType().Name}: {e.Message} {at}";
            if (findings.Count < 20) findings.Add($"{harness.Name} {hash}: {what.ReplaceLineEndings(" ")}  [{Path.Combine(dir, hash)}]");
        }
    }
}
