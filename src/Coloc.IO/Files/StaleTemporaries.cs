using System.Globalization;
using System.Text.RegularExpressions;

namespace Coloc.IO.Files;

/// <summary>
/// Names coloc's temporary files and removes those a killed run left behind. Every temporary name carries the id of the
/// process that owns it and a tag whose first 8 hex digits name the machine (<see cref="Name"/>:
/// <c>.NAME.PID.TAG.tmp</c>, <c>.NAME.PID.TAG.new</c> and its <c>-journal</c>, <c>.coloc-slabs.PID.TAG</c>). One is
/// stale, and removed, when no process of that id runs on this machine and either it was made on this machine (so the
/// id is this machine's: the owner is gone, and the next run cleans up at once) or it was last written more than
/// <see cref="MinimumAge"/> ago (a writer on another machine sharing the folder, whose id means nothing here, is left
/// alone while it works). Names of an older form (an 8-digit tag) follow the age rule.
/// </summary>
public static partial class StaleTemporaries
{
    /// <summary>How long another machine's temporary must have been left untouched before it may be removed: 10 minutes.</summary>
    public static TimeSpan MinimumAge { get; } = TimeSpan.FromMinutes(10);

    [GeneratedRegex(@"^\..+\.(?<pid>[0-9]+)\.(?<tag>[0-9a-f]{16}|[0-9a-f]{8})\.(tmp|new|new-journal)$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();

    [GeneratedRegex(@"^\.coloc-slabs\.(?<pid>[0-9]+)\.(?<tag>[0-9a-f]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SlabFolderName();

    /// <summary>This machine's 8 hex digits: FNV-1a of its lower-case host name.</summary>
    private static readonly string Machine = MachineTag();

    /// <summary>
    /// A fresh temporary name for <paramref name="name"/> in <paramref name="folder"/>:
    /// <c>.NAME.PID.TAG.SUFFIX</c> (<paramref name="suffix"/> empty: <c>.NAME.PID.TAG</c>), TAG = this machine's
    /// 8 hex digits and 8 random ones.
    /// </summary>
    public static string Name(string folder, string name, string suffix) =>
        Path.Combine(folder, "." + name + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "." + Machine +
            Guid.NewGuid().ToString("N")[..8] + (suffix.Length == 0 ? "" : "." + suffix));

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
                string tag = m.Groups["tag"].Value;
                bool ours = tag.Length == 16 && tag.StartsWith(Machine, StringComparison.Ordinal);
                if (!ours && (isFolder ? Directory.GetLastWriteTimeUtc(path) : File.GetLastWriteTimeUtc(path)) > cutoff) continue;
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

    private static string MachineTag()
    {
        uint h = 2166136261;
        foreach (char c in Environment.MachineName.ToLowerInvariant())
        {
            h ^= c;
            h *= 16777619;
        }
        return h.ToString("x8", CultureInfo.InvariantCulture);
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
