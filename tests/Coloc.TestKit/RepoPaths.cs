namespace Coloc.TestKit;

/// <summary>Locations of the repository, its bundled data and the oracle's golden cases, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Coloc.Fiji.sln"))) d = d.Parent;
        return d?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Coloc.Fiji.sln) above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (the folder holding Coloc.Fiji.sln).</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The golden cases committed with the repository: <c>tests/data/oracle/cases</c> (see its README.md).</summary>
    public static string BundledOracleCases => Path.Combine(RepoRoot, "tests", "data", "oracle", "cases");

    /// <summary>
    /// Where oracle cases are looked up, in precedence order: the bundled cases, then the folders named by
    /// <c>COLOC_ORACLE_CASES</c>, then <c>../shared/reference/oracle/cases</c> beside the repository when present
    /// (see <see cref="OracleCaseFolders.Roots"/>). Extra roots add cases; they never replace a bundled one.
    /// </summary>
    public static IReadOnlyList<string> OracleCaseRoots =>
        OracleCaseFolders.Roots(BundledOracleCases, RepoRoot, Environment.GetEnvironmentVariable(OracleCaseFolders.EnvironmentVariable));

    /// <summary>The folder of the oracle case named <paramref name="name"/> (e.g. "B01_stack_default_profile_2ch", "db").</summary>
    public static string Case(string name) => OracleCaseFolders.Find(OracleCaseRoots, name);

    /// <summary>Case folders of every root whose name starts with <paramref name="group"/> (e.g. "A"), one per name, sorted by name.</summary>
    public static IEnumerable<string> Cases(string group) => OracleCaseFolders.Union(OracleCaseRoots, group);

    private static readonly List<string> TempDirs = [];

    /// <summary>A fresh empty temporary folder, removed when the test process exits.</summary>
    public static string NewTempDir()
    {
        var d = Path.Combine(Path.GetTempPath(), "coloc-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(d);
        lock (TempDirs)
        {
            if (TempDirs.Count == 0) AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveTempDirs();
            TempDirs.Add(d);
        }
        return d;
    }

    private static void RemoveTempDirs()
    {
        lock (TempDirs)
            foreach (var d in TempDirs)
            {
                try { Directory.Delete(d, recursive: true); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
    }
}
