namespace Coloc.TestKit;

/// <summary>
/// Finds oracle case folders in several roots and joins them by folder name: the repository's bundled cases come first,
/// then any extra root adds the cases the repository does not hold. A name present in more than one root resolves to
/// the first root that holds it (the bundled copy), so the committed golden files are the ones tested.
/// </summary>
public static class OracleCaseFolders
{
    /// <summary>Name of the environment variable naming extra case roots (one folder, or several joined by the path separator).</summary>
    public const string EnvironmentVariable = "COLOC_ORACLE_CASES";

    /// <summary>
    /// The case roots in precedence order: <paramref name="bundled"/>; each folder of <paramref name="environment"/>
    /// (which must exist: a misspelt variable fails instead of silently testing less); and
    /// <c>../shared/reference/oracle/cases</c> beside <paramref name="repoRoot"/> when that folder exists.
    /// Duplicates (same full path) are listed once.
    /// </summary>
    public static IReadOnlyList<string> Roots(string bundled, string repoRoot, string? environment)
    {
        if (!Directory.Exists(bundled))
            throw new DirectoryNotFoundException($"bundled oracle cases not found at {bundled}");
        var roots = new List<string> { Path.GetFullPath(bundled) };
        if (!string.IsNullOrEmpty(environment))
            foreach (var part in environment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!Directory.Exists(part))
                    throw new DirectoryNotFoundException($"{EnvironmentVariable}: oracle cases folder {part} does not exist");
                roots.Add(Path.GetFullPath(part));
            }
        var beside = Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "reference", "oracle", "cases"));
        if (Directory.Exists(beside)) roots.Add(beside);
        return roots.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Every case folder whose name starts with <paramref name="group"/> (e.g. "A", "db") in any of
    /// <paramref name="roots"/>, one per name (the first root holding it wins), sorted by name (ordinal).
    /// </summary>
    public static IEnumerable<string> Union(IEnumerable<string> roots, string group)
    {
        var byName = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in roots)
            foreach (var dir in Directory.EnumerateDirectories(root))
            {
                var name = Path.GetFileName(dir);
                if (name.StartsWith(group, StringComparison.Ordinal)) byName.TryAdd(name, dir);
            }
        return byName.Values;
    }

    /// <summary>The folder of the case named <paramref name="name"/> in the first root that holds it; fails (never skips) when none does.</summary>
    public static string Find(IEnumerable<string> roots, string name)
    {
        var list = roots.ToArray();
        foreach (var root in list)
        {
            var dir = Path.Combine(root, name);
            if (Directory.Exists(dir)) return dir;
        }
        throw new DirectoryNotFoundException($"oracle case {name} not found in {string.Join(", ", list)}");
    }
}
