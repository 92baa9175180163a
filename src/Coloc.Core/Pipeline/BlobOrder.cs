using Coloc.Core.Blobs;

namespace Coloc.Core.Pipeline;

/// <summary>
/// The canonical blob order of pipeline outputs: channel, then z, y, x, then radius, confirmed, truth (all ascending).
/// It depends only on the blob values, so a whole-image run and a merge of block results list the same blobs in the
/// same order, and the intensity step's "later blob wins" rule (where the radius-2 balls of two blobs of one channel
/// overlap, the voxel belongs to the later blob) means "greater in this order".
/// </summary>
public static class BlobOrder
{
    /// <summary>Compares two blobs in the canonical order.</summary>
    public static int Compare(Blob a, Blob b)
    {
        int c = a.Channel.CompareTo(b.Channel);
        if (c != 0) return c;
        c = Blob.CompareZyx(a, b);
        if (c != 0) return c;
        c = a.Radius.CompareTo(b.Radius);
        if (c != 0) return c;
        c = a.Confirmed.CompareTo(b.Confirmed);
        return c != 0 ? c : a.Truth.CompareTo(b.Truth);
    }

    /// <summary>The canonical comparer.</summary>
    public static IComparer<Blob> Comparer { get; } = Comparer<Blob>.Create(Compare);
}
