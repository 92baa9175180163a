using System.Globalization;
using System.Text.RegularExpressions;

namespace Coloc.IO.Files;

/// <summary>
/// Removes the temporary files and folders that a killed run left behind. Every temporary name coloc makes carries the
/// id of the process that owns it (<c>.NAME.PID.TAG.tmp</c>, <c>.NAME.PID.TAG.new</c> and its <c>-journal</c>,
/// <c>.coloc-slabs.PID.TAG</c>); one is stale, and removed, when no process of that id runs on this machine and it was
/// last written more than <see cref="MinimumAge"/> ago (so a writer on another machine sharing the folder, whose id
/// means nothing here, is left alone while it works).
/// </summary>
public static partial class StaleTemporaries
{
    /// <summary>How long a temporary must have been left untouched before it may be removed: 10 minutes.</summary>
    public static TimeSpan MinimumAge { get; } = TimeSpan.FromMinutes(10);

    [GeneratedRegex(@"^\..+\.(?<pid>[0-9]+)\.[0-9a-f]{8}\.(tmp|new|new-journal)$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();

    [GeneratedRegex(@"^\.coloc-slabs\.(?<pid>[0-9]+)\.[0-9a-f]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SlabFolderName();

    /// <summary>Removes the stale temporaries directly in <paramref name="folder"/>; returns how many. Never throws.</summary>
    public static int Sweep(string folder)
    {
        int removed = 0;
        try
        {
            if (!Directory.Exists(folder)) return 0;
            var cutoff = DateTime.UtcNow - MinimumAge;
            foreach (var path in Directory.EnumerateFileSystemEntries(folder, ".*"))
            {
                string name = Path.GetFileName(path);
                bool isFolder = Directory.Exists(path);
                var m = isFolder ? SlabFolderName().Match(name) : FileName().Match(name);
                if (!m.Success || !int.TryParse(m.Groups["pid"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) continue;
                if (pid == Environment.ProcessId || Alive(pid)) continue;
                if ((isFolder ? Directory.GetLastWriteTimeUtc(path) : File.GetLastWriteTimeUtc(path)) > cutoff) continue;
                try
                {
                    if (isFolder) Directory.Delete(path, recursive: true);
                    else File.Delete(path);
                    removed++;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return removed;
    }

    /// <summary>True when a process of id <paramref name="pid"/> runs here (or that cannot be told).</summary>
    private static bool Alive(int pid)
    {
        if (OperatingSystem.IsLinux()) return Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
