namespace Coloc.TestKit;

/// <summary>Locations of the repository, its bundled data and the shared oracle, found from the test assembly's folder.</summary>
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

    /// <summary>
    /// The oracle cases folder: <c>COLOC_ORACLE_CASES</c> if set, else <c>../shared/reference/oracle/cases</c> beside the
    /// repository. Fails (never skips) when it is missing.
    /// </summary>
    public static string OracleCases
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("COLOC_ORACLE_CASES");
            var dir = !string.IsNullOrEmpty(env) ? env : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "reference", "oracle", "cases"));
            if (!Directory.Exists(dir))
                throw new DirectoryNotFoundException($"oracle cases not found at {dir} (set COLOC_ORACLE_CASES)");
            return dir;
        }
    }

    /// <summary>Case folders whose name starts with <paramref name="group"/> (e.g. "A"), sorted by name.</summary>
    public static IEnumerable<string> Cases(string group) =>
        Directory.EnumerateDirectories(OracleCases)
            .Where(d => Path.GetFileName(d).StartsWith(group, StringComparison.Ordinal))
            .OrderBy(d => d, StringComparer.Ordinal);

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
