using Coloc.Core.Blobs;

namespace Coloc.Core.Matching;

/// <summary>Channel selection as in <c>colocalize_blobs_match</c>.</summary>
public static class ChannelSelection
{
    /// <summary>
    /// Sorted distinct channel values of all <paramref name="blobs"/>, truncated to int, kept only if in
    /// <paramref name="filter"/> (when given).
    /// </summary>
    public static int[] Of(ReadOnlySpan<Blob> blobs, IReadOnlyCollection<int>? filter)
    {
        var set = new SortedSet<int>();
        foreach (var b in blobs) set.Add((int)b.Channel);
        return filter is null ? set.ToArray() : set.Where(filter.Contains).ToArray();
    }
}
