using Coloc.Core.Blobs;

namespace Coloc.Core.Matching.Exact;

/// <summary>
/// The canonical blob order of exact matching: ascending z, y, x, radius, confirmed, truth, channel (doubles compared
/// numerically). Blobs equal on all seven values are interchangeable; among them the earlier input row comes first.
/// </summary>
public static class BlobOrder
{
    /// <summary>Compares two blobs on z, y, x, radius, confirmed, truth, channel.</summary>
    public static int Compare(in Blob a, in Blob b)
    {
        int c = a.Z.CompareTo(b.Z);
        if (c != 0) return c;
        c = a.Y.CompareTo(b.Y);
        if (c != 0) return c;
        c = a.X.CompareTo(b.X);
        if (c != 0) return c;
        c = a.Radius.CompareTo(b.Radius);
        if (c != 0) return c;
        c = a.Confirmed.CompareTo(b.Confirmed);
        if (c != 0) return c;
        c = a.Truth.CompareTo(b.Truth);
        return c != 0 ? c : a.Channel.CompareTo(b.Channel);
    }

    /// <summary>Compares blobs <c>blobs[i]</c> and <c>blobs[j]</c> canonically, then by index (stable).</summary>
    public static int CompareIndexed(Blob[] blobs, int i, int j)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        int c = Compare(blobs[i], blobs[j]);
        return c != 0 ? c : i.CompareTo(j);
    }
}
