using Coloc.TestKit;

namespace Coloc.Oracle.Tests.Cases;

/// <summary>
/// The one resolver of oracle cases: the repository's bundled cases always, plus the cases of extra roots
/// (<c>COLOC_ORACLE_CASES</c>, <c>../shared/reference/oracle/cases</c> beside the clone), joined by folder name.
/// </summary>
public sealed class OracleCaseFoldersTests
{
    private static string MakeCase(string root, string name, string marker)
    {
        string dir = Path.Combine(root, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "params.json"), marker);
        return dir;
    }

    /// <summary>A clone folder with bundled cases, and optionally a <c>shared/reference/oracle/cases</c> beside it.</summary>
    private static (string Repo, string Bundled, string Beside) Layout(bool withShared)
    {
        string top = RepoPaths.NewTempDir();
        string repo = Path.Combine(top, "clone");
        string bundled = Path.Combine(repo, "tests", "data", "oracle", "cases");
        Directory.CreateDirectory(bundled);
        string beside = Path.Combine(top, "shared", "reference", "oracle", "cases");
        if (withShared) Directory.CreateDirectory(beside);
        return (repo, bundled, beside);
    }

    [Fact]
    public void Roots_NothingBesideTheClone_OnlyBundled()
    {
        var (repo, bundled, _) = Layout(withShared: false);
        Assert.Equal([Path.GetFullPath(bundled)], OracleCaseFolders.Roots(bundled, repo, null));
    }

    [Fact]
    public void Roots_SharedBesideAndEnvironment_BundledFirstThenEnvironmentThenShared()
    {
        var (repo, bundled, beside) = Layout(withShared: true);
        string env = RepoPaths.NewTempDir();
        Assert.Equal([Path.GetFullPath(bundled), Path.GetFullPath(env), Path.GetFullPath(beside)],
            OracleCaseFolders.Roots(bundled, repo, env));
    }

    [Fact]
    public void Roots_EnvironmentFolderMissing_FailsNamingTheVariable()
    {
        var (repo, bundled, _) = Layout(withShared: false);
        string missing = Path.Combine(RepoPaths.NewTempDir(), "nope");
        var e = Assert.Throws<DirectoryNotFoundException>(() => OracleCaseFolders.Roots(bundled, repo, missing));
        Assert.Contains(OracleCaseFolders.EnvironmentVariable, e.Message);
        Assert.Contains(missing, e.Message);
    }

    [Fact]
    public void Union_UnseenCaseBesideTheClone_IsAddedAndBundledCopyWinsOnSameName()
    {
        var (repo, bundled, beside) = Layout(withShared: true);
        string a01 = MakeCase(bundled, "A01_bundled", "bundled");
        MakeCase(bundled, "B01_stack", "bundled");
        MakeCase(beside, "A01_bundled", "shared copy");
        string a99 = MakeCase(beside, "A99_fake_unseen", "shared");
        MakeCase(beside, "B77_fake_unseen", "shared");
        var roots = OracleCaseFolders.Roots(bundled, repo, null);

        Assert.Equal([a01, a99], OracleCaseFolders.Union(roots, "A").Select(Path.GetFullPath));
        Assert.Equal(["B01_stack", "B77_fake_unseen"], OracleCaseFolders.Union(roots, "B").Select(Path.GetFileName));
        Assert.Equal("bundled", File.ReadAllText(Path.Combine(OracleCaseFolders.Find(roots, "A01_bundled"), "params.json")));
        Assert.Equal(Path.GetFullPath(a99), Path.GetFullPath(OracleCaseFolders.Find(roots, "A99_fake_unseen")));
    }

    [Fact]
    public void Find_UnknownCase_FailsNamingIt()
    {
        var (repo, bundled, _) = Layout(withShared: false);
        var e = Assert.Throws<DirectoryNotFoundException>(() => OracleCaseFolders.Find(OracleCaseFolders.Roots(bundled, repo, null), "Z01_missing"));
        Assert.Contains("Z01_missing", e.Message);
    }

    [Fact]
    public void RepoPaths_EveryCaseOfEveryRoot_IsEnumeratedOnce()
    {
        var names = RepoPaths.OracleCaseRoots
            .SelectMany(Directory.EnumerateDirectories).Select(Path.GetFileName).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(names, RepoPaths.Cases("").Select(Path.GetFileName).ToArray());
        foreach (var name in names) Assert.True(Directory.Exists(RepoPaths.Case(name!)), name);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("B")]
    [InlineData("C")]
    [InlineData("E")]
    [InlineData("N")]
    [InlineData("R")]
    [InlineData("db")]
    public void Bundled_EachCaseGroup_IsInTheRepository(string group)
    {
        Assert.Contains(Directory.EnumerateDirectories(RepoPaths.BundledOracleCases),
            d => Path.GetFileName(d).StartsWith(group, StringComparison.Ordinal));
    }
}
