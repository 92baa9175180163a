using Coloc.Core.Parameters;

namespace Coloc.Cli.Parameters;

/// <summary>
/// Checks a command's output paths before any work, so a refused run writes nothing: an output file or folder may not
/// be one of the inputs (<c>--out</c> or <c>--diagnostics</c> naming the image would overwrite it), two outputs may not
/// name one file, an output file must go into an existing, writable folder and may not be something other than a
/// regular file (<c>--db /dev/null</c>: SQLite would leave <c>/dev/null-journal</c>); checked when the values are read.
/// </summary>
internal static class OutputPathCheck
{
    /// <summary>Throws a <see cref="ParameterException"/> naming the output at fault.</summary>
    public static void Check(IReadOnlyList<ParameterSpec> specs, IParameterValues values)
    {
        var inputs = new List<(ParameterSpec Spec, string Path, string Key)>();
        var outputs = new List<(ParameterSpec Spec, string Path, string Key)>();
        foreach (var spec in specs)
        {
            bool output = spec.Kind == ParameterKind.FileOut || (spec.Kind == ParameterKind.Folder && spec.Name == SharedParameters.OutFolder.Name);
            bool input = spec.Kind == ParameterKind.FileIn || (spec.Kind == ParameterKind.Folder && !output);
            if (!output && !input) continue;
            foreach (var path in Paths(spec, values))
                (output ? outputs : inputs).Add((spec, path, Key(path)));
        }
        for (int i = 0; i < outputs.Count; i++)
        {
            var (spec, path, key) = outputs[i];
            foreach (var inp in inputs)
                if (inp.Key == key)
                    throw new ParameterException(spec, $"'{path}' is also {{0}}: it would be overwritten; choose another path", inp.Spec);
            for (int j = 0; j < i; j++)
                if (outputs[j].Key == key)
                    throw new ParameterException(spec, $"'{path}' is also {{0}}; choose another path", outputs[j].Spec);
            if (spec.Kind == ParameterKind.FileOut) CheckFile(spec, path);
        }
    }

    private static void CheckFile(ParameterSpec spec, string path)
    {
        if (Directory.Exists(path)) throw new ParameterException(spec, $"'{path}' is a folder, not a file");
        if (IsSpecial(path))
        {
            // The database opener refuses devices with its own message (the file is left untouched).
            if (spec.Name == SharedParameters.Database.Name) return;
            throw new ParameterException(spec, $"'{path}' is not a regular file");
        }
        string dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (!Directory.Exists(dir)) throw new ParameterException(spec, $"'{path}': folder '{dir}' does not exist");
        // Probe that the folder takes new files (the output is staged there and renamed).
        string probe = Path.Combine(dir, $".coloc-probe.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ParameterException(spec, $"'{path}': cannot write into folder '{dir}': {e.Message}");
        }
    }

    /// <summary>True for a path in a device or kernel file system (<c>/dev</c>, <c>/proc</c>, <c>/sys</c>), links resolved.</summary>
    private static bool IsSpecial(string path)
    {
        string key = Key(path) + "/";
        return !OperatingSystem.IsWindows()
            && (key.StartsWith("/dev/", StringComparison.Ordinal) || key.StartsWith("/proc/", StringComparison.Ordinal)
                || key.StartsWith("/sys/", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Paths(ParameterSpec spec, IParameterValues values)
    {
        if (!values.Given(spec)) yield break;
        if (spec.Repeatable || spec.Several)
        {
            foreach (var t in values.Texts(spec))
                if (!string.IsNullOrEmpty(t)) yield return t;
        }
        else if (values.Text(spec) is { Length: > 0 } t) yield return t;
    }

    /// <summary>The path with symbolic links resolved, as a comparison key.</summary>
    private static string Key(string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            if (new FileInfo(full).ResolveLinkTarget(true) is { } target) full = target.FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return full.TrimEnd(Path.DirectorySeparatorChar);
    }
}
