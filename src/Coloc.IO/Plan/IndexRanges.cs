using System.Globalization;
using System.Text;

namespace Coloc.IO.Plan;

/// <summary>
/// Index lists written as ranges, the form job schedulers take (<c>sbatch --array=0-3,7,9-11</c>): comma-separated
/// items, each a single index or an inclusive range <c>a-b</c>, ascending and without repeats.
/// </summary>
public static class IndexRanges
{
    /// <summary>Formats ascending distinct indices, merging runs of consecutive ones (<c>[0,1,2,3,7]</c> → <c>0-3,7</c>).</summary>
    /// <exception cref="ArgumentException">The indices are not ascending and distinct, or one is negative.</exception>
    public static string Format(IEnumerable<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var sb = new StringBuilder();
        int start = -1, prev = -1;
        foreach (int i in indices)
        {
            if (i < 0) throw new ArgumentException($"index must be >= 0, got {i}", nameof(indices));
            if (start >= 0 && i <= prev) throw new ArgumentException($"indices must be ascending and distinct ({i} after {prev})", nameof(indices));
            if (start >= 0 && i == prev + 1) { prev = i; continue; }
            if (start >= 0) Append(sb, start, prev);
            start = prev = i;
        }
        if (start >= 0) Append(sb, start, prev);
        return sb.ToString();
    }

    /// <summary>
    /// Parses a range list such as <c>0-3,7,9-11</c> into ascending distinct indices. Items may come in any order and
    /// overlap; the result is sorted and deduplicated.
    /// </summary>
    /// <param name="text">The list.</param>
    /// <param name="count">Indices must be &lt; <paramref name="count"/>.</param>
    /// <exception cref="FormatException">An item is not <c>i</c> or <c>a-b</c> with 0 ≤ a ≤ b &lt; count.</exception>
    public static int[] Parse(string text, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        var set = new SortedSet<int>();
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (raw.Length == 0) throw new FormatException($"empty item in index list '{text}'");
            int dash = raw.IndexOf('-', 1);
            int a = Number(dash < 0 ? raw : raw[..dash], text);
            int b = dash < 0 ? a : Number(raw[(dash + 1)..], text);
            if (a > b) throw new FormatException($"range '{raw}' runs backwards in '{text}'");
            if (b >= count) throw new FormatException($"index {b} is out of range: there are {count} (0..{count - 1})");
            for (int i = a; i <= b; i++) set.Add(i);
        }
        return set.ToArray();
    }

    private static int Number(string s, string text)
    {
        if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v))
            throw new FormatException($"'{s}' is not an index >= 0 in '{text}'");
        return v;
    }

    private static void Append(StringBuilder sb, int a, int b)
    {
        if (sb.Length > 0) sb.Append(',');
        sb.Append(a.ToString(CultureInfo.InvariantCulture));
        if (b > a) sb.Append('-').Append(b.ToString(CultureInfo.InvariantCulture));
    }
}
