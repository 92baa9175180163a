using System.Diagnostics;
using Coloc.TestKit;

namespace Coloc.Fiji.Tests.ImageJ;

/// <summary>
/// Runs Debian's ImageJ 1.53t (<c>/usr/share/java/ij.jar</c>) with Coloc_Fiji.jar in a temporary plugins folder:
/// <c>-batch</c> under <c>xvfb-run</c>, or in true headless mode. Every run is wrapped in <c>timeout</c> (a modal error
/// dialog under Xvfb would otherwise hang forever). Missing tools fail the test with a message naming them.
/// </summary>
public sealed class ImageJHost : IDisposable
{
    /// <summary>ImageJ's jar.</summary>
    public static string IjJar => Environment.GetEnvironmentVariable("COLOC_IJ_JAR") is { Length: > 0 } j ? j : "/usr/share/java/ij.jar";

    /// <summary>The plugin jar built by plugin/Coloc.Plugin.csproj.</summary>
    public static string PluginJar => Path.Combine(RepoPaths.RepoRoot, "plugin", "build", "Coloc_Fiji.jar");

    /// <summary>A fresh ImageJ home: <see cref="Dir"/>/plugins/Coloc_Fiji.jar.</summary>
    public ImageJHost()
    {
        foreach (var (path, hint) in new[] { (IjJar, "apt-get install imagej"), (PluginJar, "build plugin/Coloc.Plugin.csproj with a JDK installed") })
            if (!File.Exists(path)) throw new FileNotFoundException($"{path} is missing ({hint})");
        Dir = RepoPaths.NewTempDir();
        Directory.CreateDirectory(Path.Combine(Dir, "plugins"));
        File.Copy(PluginJar, Path.Combine(Dir, "plugins", "Coloc_Fiji.jar"));
    }

    /// <summary>The temporary ImageJ folder (plugins.dir); scratch files go here too.</summary>
    public string Dir { get; }

    /// <summary>Writes <paramref name="macro"/> to a file and runs it with <c>-batch</c>.</summary>
    public ProcessResult RunMacro(string macro, string argument = "", bool headless = false, int timeoutSeconds = 180, string heap = "1g")
    {
        var file = Path.Combine(Dir, "m" + Guid.NewGuid().ToString("N")[..8] + ".ijm");
        File.WriteAllText(file, macro);
        return RunMacroFile(file, argument, headless, timeoutSeconds, heap);
    }

    /// <summary>Runs a macro file with <c>-batch</c> (under xvfb-run unless <paramref name="headless"/>).</summary>
    public ProcessResult RunMacroFile(string file, string argument = "", bool headless = false, int timeoutSeconds = 180, string heap = "1g")
    {
        var args = new List<string> { "-k", "10", timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!headless) args.AddRange(["xvfb-run", "-a"]);
        args.AddRange(["java", "-Xmx" + heap, "-Dplugins.dir=" + Dir]);
        if (headless) args.Add("-Djava.awt.headless=true");
        args.AddRange(["-jar", IjJar, "-batch", file]);
        if (argument.Length > 0) args.Add(argument);
        return RunRetryingXvfbStart(args, Dir);
    }

    /// <summary>
    /// Runs <c>timeout ...</c>; when xvfb-run could not start its server (another suite took the display number at
    /// the same moment), runs it again, at most three times. Any other failure is returned as is.
    /// </summary>
    public static ProcessResult RunRetryingXvfbStart(IReadOnlyList<string> timeoutArgs, string workDir)
    {
        ProcessResult r = Run("timeout", timeoutArgs, workDir);
        for (int attempt = 1; attempt < 3 && timeoutArgs.Contains("xvfb-run") && r.ExitCode != 0 && r.Stderr.Contains("Xvfb failed to start"); attempt++)
            r = Run("timeout", timeoutArgs, workDir);
        return r;
    }

    /// <summary>Runs a process to completion, capturing both streams.</summary>
    public static ProcessResult Run(string exe, IEnumerable<string> args, string workDir)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workDir };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + exe);
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return new ProcessResult(p.ExitCode, stdout, stderr.Result);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try { Directory.Delete(Dir, true); }
        catch (IOException) { }
    }
}
