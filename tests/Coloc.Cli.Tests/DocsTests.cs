using Coloc.Cli.Parameters;
using Coloc.Core.Parameters;
using Coloc.TestKit;

namespace Coloc.Cli.Tests;

/// <summary><c>coloc docs</c> and the README's options section are one text, generated from the declarations.</summary>
public sealed class DocsTests
{
    private const string Begin = "<!-- options:begin -->\n", End = "<!-- options:end -->";

    private static string Docs()
    {
        var stdout = new StringWriter();
        Assert.Equal(ExitCodes.Ok, Program.Run(["docs"], stdout, new StringWriter()));
        return stdout.ToString();
    }

    [Fact]
    public void Docs_EqualsTheReadmeOptionsSection()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "README.md")).ReplaceLineEndings("\n");
        int a = readme.IndexOf(Begin, StringComparison.Ordinal), b = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(a >= 0 && b > a, "README.md needs the options:begin / options:end markers");
        Assert.True(readme[(a + Begin.Length)..b] == Docs(),
            "README.md's options section differs from `coloc docs`: paste the output of `dotnet run --project src/Coloc.Cli -- docs` between the markers");
    }

    [Fact]
    public void Docs_ListsEveryFlagOfEveryCommandAndEveryFijiKey()
    {
        string docs = Docs();
        foreach (var c in CliCommands.All)
        {
            int at = docs.IndexOf($"#### `coloc {c.Name}`", StringComparison.Ordinal);
            Assert.True(at >= 0, c.Name);
            string table = docs[at..];
            int next = table.IndexOf("\n#### ", 1, StringComparison.Ordinal);
            if (next > 0) table = table[..next];
            foreach (var p in c.Parameters.Where(p => p.Flag is not null)) Assert.Contains($"| `{p.Flag}` |", table);
        }
        foreach (var key in new[] { "blobs", "mode", "tolerance", "unit", "experiment", "threshold", "database" })
            Assert.Contains($"| `{key}` |", docs);
    }

    [Fact]
    public void Commands_HaveExactlyTheDeclaredOptions()
    {
        foreach (var c in CliCommands.All)
        {
            var options = CliCommands.Options(c);
            Assert.Equal(c.Parameters.Where(p => p.Flag is not null).Select(p => p.Flag), options.Specs.Select(p => p.Flag));
            Assert.Equal(options.Specs.Count, options.Specs.Select(p => p.Name).Distinct().Count());
        }
    }

    [Fact]
    public void SharedOptions_HaveOneMeaningEverywhere()
    {
        var shared = new[]
        {
            SharedParameters.Threads, SharedParameters.ProfileSet, SharedParameters.Tolerance, SharedParameters.ToleranceUm, SharedParameters.Database,
        };
        foreach (var c in CliCommands.All)
            foreach (var p in c.Parameters)
                if (shared.FirstOrDefault(s => s.Flag == p.Flag) is { } s)
                    Assert.True(SameFile(p.Kind) == SameFile(s.Kind) && p.Minimum == s.Minimum && p.Unit == s.Unit, $"{c.Name} {p.Flag}");
    }

    // a database read by one command and written by another is still the same database
    private static ParameterKind SameFile(ParameterKind k) => k == ParameterKind.FileIn ? ParameterKind.FileOut : k;
}
