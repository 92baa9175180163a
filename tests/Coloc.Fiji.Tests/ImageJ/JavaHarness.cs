using Coloc.TestKit;

namespace Coloc.Fiji.Tests.ImageJ;

/// <summary>Compiles the Java test harnesses in java/ against ij.jar and Coloc_Fiji.jar, and runs them (under <c>timeout</c>).</summary>
public static class JavaHarness
{
    private static readonly Lazy<string> Classes = new(() =>
    {
        var outDir = RepoPaths.NewTempDir();
        var sources = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "java"), "*.java", SearchOption.AllDirectories);
        var args = new List<string> { "--release", "8", "-Xlint:-options", "-cp", ClassPath(""), "-d", outDir };
        args.AddRange(sources);
        var r = ImageJHost.Run("javac", args, outDir);
        if (r.ExitCode != 0) throw new InvalidOperationException("javac failed: " + r);
        return outDir;
    });

    /// <summary>The class path of the harnesses: Coloc_Fiji.jar, ij.jar and the compiled java/ folder.</summary>
    public static string HarnessClassPath => ClassPath(Classes.Value);

    private static string ClassPath(string classes) =>
        string.Join(':', new[] { ImageJHost.PluginJar, ImageJHost.IjJar, classes }.Where(s => s.Length > 0));

    /// <summary>
    /// Runs <c>java -cp ... mainClass args</c> with a display (under <c>xvfb-run</c>, a 1280×1024 screen), ImageJ's
    /// plugins folder <paramref name="pluginsDir"/> and a private home (<c>user.home</c>, where ImageJ keeps its Prefs).
    /// </summary>
    public static ProcessResult RunGui(string mainClass, string pluginsDir, string home, int timeoutSeconds, IEnumerable<string> jvmProperties, params string[] args)
    {
        var a = new List<string> { "-k", "10", timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", "java", "-Xmx1g", "-Dplugins.dir=" + pluginsDir, "-Duser.home=" + home };
        a.AddRange(jvmProperties);
        a.AddRange(["-cp", ClassPath(Classes.Value), mainClass]);
        a.AddRange(args);
        return ImageJHost.RunRetryingXvfbStart(a, Classes.Value);
    }

    /// <summary>Runs <c>java -cp ... mainClass args</c> in a plain (headless) JVM.</summary>
    /// <remarks>G1 regions of 8 MiB keep 1 MiB planes from becoming humongous objects (two regions each).</remarks>
    public static ProcessResult Run(string mainClass, string heap, int timeoutSeconds, params string[] args)
    {
        var a = new List<string> { "-k", "10", timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "java", "-Xmx" + heap, "-XX:G1HeapRegionSize=8m", "-Djava.awt.headless=true", "-cp", ClassPath(Classes.Value), mainClass };
        a.AddRange(args);
        return ImageJHost.Run("timeout", a, Classes.Value);
    }
}
