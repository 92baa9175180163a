using System.Diagnostics;

namespace Coloc.TestKit;

/// <summary>Runs an installed program (python3, tiffcp, ImageJ) with a hard time limit; fails the test with its output if it fails.</summary>
public static class ExternalTool
{
    /// <summary>Debian's Python (with python3-tifffile and numpy), not a pyenv shim.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/>; returns stdout. Throws if the exit code is not 0 or it runs longer than <paramref name="timeoutSeconds"/>.</summary>
    public static string Run(string file, IEnumerable<string> args, int timeoutSeconds = 120, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new TimeoutException($"{file} {string.Join(' ', args)} ran longer than {timeoutSeconds} s");
        }
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {p.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }

    /// <summary>Runs a Python script given as text with Debian's python3.</summary>
    public static string Python3(string script, params string[] args) =>
        Run(Python, new[] { "-c", script }.Concat(args), 120);
}
