namespace Coloc.Core.Blobs;

/// <summary>
/// The blob orders, all ascending and depending only on the blob values (doubles compared numerically):
/// <list type="bullet">
/// <item><see cref="Compare"/>, the canonical order of pipeline outputs: channel, then z, y, x, radius, confirmed,
/// truth. A whole-image run and a merge of block results list the same blobs in the same order, and the intensity
/// step's "later blob wins" rule (where the radius-2 balls of two blobs of one channel overlap, the voxel
/// belongs to the later blob) means "greater in this order".</item>
/// <item><see cref="ComparePositionFirst"/>, the order of exact matching within one channel: z, y, x, radius,
/// confirmed, truth, then channel. It equals the canonical order for blobs of one channel value; it differs only
/// for channels that truncate to one integer channel (1.0 and 1.5), which exact matching groups together.</item>
/// </list>
/// </summary>
public static class BlobOrder
{
    /// <summary>Compares two blobs in the canonical order (channel first).</summary>
    public static int Compare(Blob a, Blob b)
    {
        int c = a.Channel.CompareTo(b.Channel);
        return c != 0 ? c : CompareWithoutChannel(a, b);
    }

    /// <summary>The canonical comparer.</summary>
    public static IComparer<Blob> Comparer { get; } = Comparer<Blob>.Create(Compare);

    /// <summary>Compares two blobs on z, y, x, radius, confirmed, truth, then channel.</summary>
    public static int ComparePositionFirst(in Blob a, in Blob b)
    {
        int c = CompareWithoutChannel(a, b);
        return c != 0 ? c : a.Channel.CompareTo(b.Channel);
    }

    /// <summary>Compares <c>blobs[i]</c> and <c>blobs[j]</c> position first (<see cref="ComparePositionFirst"/>), then by index (stable).</summary>
    public static int ComparePositionFirstIndexed(Blob[] blobs, int i, int j)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        int c = ComparePositionFirst(blobs[i], blobs[j]);
        return c != 0 ? c : i.CompareTo(j);
    }

    private static int CompareWithoutChannel(in Blob a, in Blob b)
    {
        int c = Blob.CompareZyx(a, b);
        if (c != 0) return c;
        c = a.Radius.CompareTo(b.Radius);
        if (c != 0) return c;
        c = a.Confirmed.CompareTo(b.Confirmed);
        return c != 0 ? c : a.Truth.CompareTo(b.Truth);
    }
}
