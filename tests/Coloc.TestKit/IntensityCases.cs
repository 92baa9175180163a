using System.Text.Json;

namespace Coloc.TestKit;

/// <summary>The oracle's intensity cases (group C): every (case folder, threshold run) pair listed in <c>params.json</c>.</summary>
public static class IntensityCases
{
    /// <summary>(case name, run name) for every <c>C*</c> folder and every entry of its <c>thresh_runs</c>.</summary>
    public static IEnumerable<(string Case, string Run)> Runs()
    {
        foreach (var dir in RepoPaths.Cases("C"))
        {
            using var p = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "params.json")));
            foreach (var run in p.RootElement.GetProperty("thresh_runs").EnumerateObject())
                yield return (Path.GetFileName(dir), run.Name);
        }
    }
}
