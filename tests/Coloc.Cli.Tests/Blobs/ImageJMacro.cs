using Coloc.TestKit;

namespace Coloc.Cli.Tests.Blobs;

/// <summary>
/// Runs a macro in Debian's ImageJ 1.53t (<c>/usr/share/java/ij.jar</c>, <c>-batch</c> under <c>xvfb-run</c>: saving
/// selections needs AWT) with java/Coloc_Point_Clicks.java compiled into its plugins folder, so that the macro can
/// click points with ImageJ's multipoint tool and read their counters.
/// </summary>
internal static class ImageJMacro
{
    private static string IjJar => Environment.GetEnvironmentVariable("COLOC_IJ_JAR") is { Length: > 0 } j ? j : "/usr/share/java/ij.jar";

    /// <summary>Runs <paramref name="macro"/> with <paramref name="dir"/> as ImageJ's folder; returns what it printed.</summary>
    public static string Run(string macro, string dir)
    {
        if (!File.Exists(IjJar)) throw new FileNotFoundException($"{IjJar} is missing (apt-get install imagej xvfb)");
        string plugins = Path.Combine(dir, "plugins");
        Directory.CreateDirectory(plugins);
        string source = Path.Combine(RepoPaths.RepoRoot, "tests", "Coloc.Cli.Tests", "Blobs", "java", "Coloc_Point_Clicks.java");
        ExternalTool.Run("javac", ["--release", "8", "-Xlint:-options", "-cp", IjJar, "-d", plugins, source], 120, dir);
        string file = Path.Combine(dir, "roundtrip.ijm");
        File.WriteAllText(file, macro);
        string[] args = ["-a", "java", "-Xmx256m", "-Dplugins.dir=" + dir, "-jar", IjJar, "-batch", file];
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return ExternalTool.Run("xvfb-run", args, 180, dir);
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("Xvfb failed to start", StringComparison.Ordinal))
            {
                // Another suite took the display number at the same moment: try again.
            }
        }
    }

    /// <summary>The printed lines starting with <paramref name="tag"/> and a space, split at spaces (tag dropped).</summary>
    public static List<string[]> Lines(string output, string tag) =>
        output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(tag + " ", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]).ToList();
}
