namespace Coloc.Core.Matching.Magmap;

/// <summary>
/// The candidate columns of <see cref="GeometricAssignment"/>'s search as a binary min-heap ordered by path cost, then
/// by the stream that produced it: <see cref="PriorityQueue{TElement, TPriority}"/> with a tuple priority compares
/// through <see cref="Comparer{T}.Default"/> of a value tuple, which dominated the magmap stack run's profile.
/// Entries of equal (cost, stream) come out in no particular order (the search gathers all ties before it picks).
/// </summary>
internal sealed class PathCostHeap
{
    private (double R, int K, int Col)[] _items = new (double, int, int)[16];
    private int _count;

    public void Clear() => _count = 0;

    public void Enqueue(int col, int k, double r)
    {
        if (_count == _items.Length) Array.Resize(ref _items, _count * 2);
        var items = _items;
        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Less(r, k, items[parent])) break;
            items[i] = items[parent];
            i = parent;
        }
        items[i] = (r, k, col);
    }

    /// <summary>The smallest entry, false when empty.</summary>
    public bool TryPeek(out int col, out int k, out double r)
    {
        if (_count == 0) { col = k = 0; r = 0; return false; }
        (r, k, col) = _items[0];
        return true;
    }

    public void Dequeue()
    {
        var items = _items;
        var last = items[--_count];
        int i = 0;
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= _count) break;
            if (child + 1 < _count && Less(items[child + 1].R, items[child + 1].K, items[child])) child++;
            if (!Less(items[child].R, items[child].K, last)) break;
            items[i] = items[child];
            i = child;
        }
        items[i] = last;
    }

    private static bool Less(double r, int k, (double R, int K, int Col) other) => r < other.R || (r == other.R && k < other.K);
}
