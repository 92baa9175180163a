using Coloc.Core.Blobs;

namespace Coloc.Core.Matching.Exact;

/// <summary>
/// Output order of exact matches: by Blob1 (z, y, x, radius, confirmed, truth, channel), then Blob2 likewise.
/// Rows equal on both blobs are identical rows, so the order of the written table is fully determined by the values.
/// </summary>
internal static class MatchOrder
{
    /// <summary>Sorts the pairs (<paramref name="a"/>[k], <paramref name="b"/>[k]) of blob indices in place.</summary>
    public static void Sort(Blob[] blobs, int[] a, int[] b, int threads)
    {
        int n = a.Length;
        if (IsSorted(blobs, a, b)) return;
        var keys = new Key[n];
        for (int k = 0; k < n; k++)
        {
            ref readonly var x = ref blobs[a[k]];
            keys[k] = new Key(x.Z, x.Y, x.X, k);
        }
        var cmp = new KeyComparer(blobs, a, b);
        if (threads > 1 && n > 65536)
        {
            // Two halves sorted in parallel, then merged: the same total order, so the same result.
            int h = n / 2;
            var left = keys.AsMemory(0, h);
            var right = keys.AsMemory(h);
            Parallel.Invoke(() => left.Span.Sort(cmp), () => right.Span.Sort(cmp));
            var merged = new Key[n];
            int i = 0, j = h, o = 0;
            while (i < h && j < n) merged[o++] = cmp.Compare(keys[i], keys[j]) <= 0 ? keys[i++] : keys[j++];
            while (i < h) merged[o++] = keys[i++];
            while (j < n) merged[o++] = keys[j++];
            keys = merged;
        }
        else
        {
            keys.AsSpan().Sort(cmp);
        }
        var na = new int[n];
        var nb = new int[n];
        for (int k = 0; k < n; k++) { na[k] = a[keys[k].Row]; nb[k] = b[keys[k].Row]; }
        na.CopyTo(a, 0);
        nb.CopyTo(b, 0);
    }

    /// <summary>True when the pairs are in order already (the grouped solver hands out a stack of coincident blobs in order).</summary>
    private static bool IsSorted(Blob[] blobs, int[] a, int[] b)
    {
        for (int k = 1; k < a.Length; k++)
        {
            int c = BlobOrder.ComparePositionFirst(blobs[a[k - 1]], blobs[a[k]]);
            if (c > 0 || (c == 0 && BlobOrder.ComparePositionFirst(blobs[b[k - 1]], blobs[b[k]]) > 0)) return false;
        }
        return true;
    }

    /// <summary>The table order of two rows: Blob1 then Blob2, each by <see cref="BlobOrder.ComparePositionFirst"/>.</summary>
    public static int CompareRows(in MatchRow p, in MatchRow q)
    {
        int c = BlobOrder.ComparePositionFirst(p.Blob1, q.Blob1);
        return c != 0 ? c : BlobOrder.ComparePositionFirst(p.Blob2, q.Blob2);
    }

    private readonly record struct Key(double Z, double Y, double X, int Row);

    private readonly struct KeyComparer(Blob[] blobs, int[] a, int[] b) : IComparer<Key>
    {
        public int Compare(Key p, Key q)
        {
            int c = p.Z.CompareTo(q.Z);
            if (c != 0) return c;
            c = p.Y.CompareTo(q.Y);
            if (c != 0) return c;
            c = p.X.CompareTo(q.X);
            if (c != 0) return c;
            c = BlobOrder.ComparePositionFirst(blobs[a[p.Row]], blobs[a[q.Row]]);
            if (c != 0) return c;
            return BlobOrder.ComparePositionFirst(blobs[b[p.Row]], blobs[b[q.Row]]);
        }
    }
}
