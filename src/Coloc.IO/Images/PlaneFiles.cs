using System.Text.RegularExpressions;

namespace Coloc.IO.Images;

/// <summary>
/// Which TIFF files make the planes of a plane folder, per channel. One channel: a folder (every <c>.tif</c>/<c>.tiff</c>
/// in it) or a file glob (<c>dir/*_C00_*.tif</c>, <c>*</c> and <c>?</c> in the last part). Several channels:
/// <c>{c}</c> in one part of the path stands for the channel number, a run of digits — <c>dir/ch{c}</c> (folders
/// <c>ch0</c>, <c>ch1</c> or <c>ch1</c>, <c>ch2</c>), <c>dir/C{c}</c> (<c>C00</c>, <c>C01</c>),
/// <c>dir/img_C{c}_Z*.tif</c> (files of every channel in one folder); channels are taken in the order of that number,
/// channel 0 being the smallest. Planes (z) are the files in natural order (<c>z2</c> before <c>z10</c>). Names
/// starting with <c>.</c> (macOS <c>._</c> files) and non-TIFF files are ignored.
/// </summary>
public static class PlaneFiles
{
    /// <summary>True if <paramref name="path"/> names a plane folder, a glob or a channel pattern rather than one file.</summary>
    public static bool IsPlanes(string path) =>
        path.Contains("{c}", StringComparison.Ordinal) || System.IO.Path.GetFileName(path).AsSpan().IndexOfAny('*', '?') >= 0 || Directory.Exists(path);

    /// <summary>The plane files of each channel, in z order.</summary>
    /// <exception cref="ColocFormatException">Nothing matches, a channel has no TIFF, or two names give the same channel number.</exception>
    public static string[][] Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = System.IO.Path.GetFullPath(path.Replace("{c}", "\u0001", StringComparison.Ordinal)).Replace("\u0001", "{c}", StringComparison.Ordinal);
        int at = full.IndexOf("{c}", StringComparison.Ordinal);
        if (at < 0) return [Channel(full, path)];
        if (full.IndexOf("{c}", at + 3, StringComparison.Ordinal) >= 0)
            throw new ColocFormatException($"{path}: {{c}} may appear once (the channel number)");
        int start = full.LastIndexOf(System.IO.Path.DirectorySeparatorChar, at) + 1;
        int end = full.IndexOf(System.IO.Path.DirectorySeparatorChar, at);
        string parent = full[..start], part = end < 0 ? full[start..] : full[start..end], rest = end < 0 ? "" : full[end..];
        if (!Directory.Exists(parent)) throw new ColocFormatException($"{path}: folder {parent} not found");
        var regex = new Regex("^" + Glob(part).Replace(Regex.Escape("{c}"), @"(\d+)", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
        var matches = Directory.EnumerateFileSystemEntries(parent)
            .Select(e => (Entry: e, Name: System.IO.Path.GetFileName(e)))
            .Where(e => !e.Name.StartsWith('.'))
            .Select(e => (e.Entry, e.Name, Match: regex.Match(e.Name), IsDir: Directory.Exists(e.Entry)))
            .Where(e => e.Match.Success && long.TryParse(e.Match.Groups[1].ValueSpan, out _))
            .ToArray();
        var files = matches.Where(e => !e.IsDir && IsTiff(e.Name)).ToArray();
        // {c} in the last part naming files: the files of one number are the planes of that channel.
        if (rest.Length == 0 && files.Length > 0)
            return [.. files.GroupBy(e => Number(e.Match))
                .OrderBy(g => g.Key)
                .Select(g => g.Select(e => e.Entry).Order(NaturalOrder.Instance).ToArray())];
        var byChannel = new SortedDictionary<long, string>();
        foreach (var e in matches.Where(e => e.IsDir))
            if (!byChannel.TryAdd(Number(e.Match), e.Entry))
                throw new ColocFormatException($"{path}: {System.IO.Path.GetFileName(byChannel[Number(e.Match)])} and {e.Name} are the same channel number");
        if (byChannel.Count == 0) throw new ColocFormatException($"{path}: nothing in {parent} matches {part} ({{c}} = a channel number)");
        return [.. byChannel.Values.Select(v => Channel(v + rest, path))];
    }

    private static string[] Channel(string full, string given)
    {
        string[] files;
        if (Directory.Exists(full))
            files = [.. Directory.EnumerateFiles(full).Where(f => IsTiff(f) && !System.IO.Path.GetFileName(f).StartsWith('.'))];
        else
        {
            string name = System.IO.Path.GetFileName(full), dir = System.IO.Path.GetDirectoryName(full) ?? ".";
            if (name.AsSpan().IndexOfAny('*', '?') < 0) throw new ColocFormatException($"{given}: folder not found");
            if (!Directory.Exists(dir)) throw new ColocFormatException($"{given}: folder {dir} not found");
            var regex = new Regex("^" + Glob(name) + "$", RegexOptions.CultureInvariant);
            files = [.. Directory.EnumerateFiles(dir).Where(f => regex.IsMatch(System.IO.Path.GetFileName(f)) && IsTiff(f) && !System.IO.Path.GetFileName(f).StartsWith('.'))];
        }
        if (files.Length == 0) throw new ColocFormatException($"{given}: no TIFF planes (.tif/.tiff) in {full}");
        Array.Sort(files, (a, b) => NaturalOrder.Instance.Compare(System.IO.Path.GetFileName(a), System.IO.Path.GetFileName(b)));
        return files;
    }

    private static long Number(Match m) => long.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);

    private static string Glob(string part) =>
        Regex.Escape(part).Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal);

    private static bool IsTiff(string file) =>
        file.EndsWith(".tif", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".tiff", StringComparison.OrdinalIgnoreCase);
}
