using System.Numerics;

namespace Coloc.Core.Matching.Exact;

/// <summary>
/// A binary min-heap of (key, node) entries for Dijkstra searches, ordered by key and then by node index so that
/// ties are broken the same way on every run. Stale entries are the caller's business (lazy deletion: pop, then skip a
/// node already settled or whose key is no longer its distance). Storage grows by doubling and is kept between
/// searches; <see cref="Clear"/> empties it in O(1).
/// </summary>
internal sealed class NodeHeap<T> where T : struct, IBinaryInteger<T>
{
    private T[] _key = new T[16];
    private int[] _node = new int[16];

    /// <summary>The number of entries.</summary>
    public int Count { get; private set; }

    /// <summary>Makes room for <paramref name="entries"/> entries without growing later.</summary>
    public void Reserve(int entries)
    {
        if (_key.Length >= entries) return;
        Array.Resize(ref _key, entries);
        Array.Resize(ref _node, entries);
    }

    /// <summary>Removes every entry.</summary>
    public void Clear() => Count = 0;

    /// <summary>Adds <paramref name="node"/> with <paramref name="key"/>.</summary>
    public void Push(T key, int node)
    {
        if (Count == _key.Length)
        {
            Array.Resize(ref _key, Count * 2 + 16);
            Array.Resize(ref _node, Count * 2 + 16);
        }
        int i = Count++;
        while (i > 0)
        {
            int p = (i - 1) >> 1;
            if (!Less(key, node, _key[p], _node[p])) break;
            _key[i] = _key[p];
            _node[i] = _node[p];
            i = p;
        }
        _key[i] = key;
        _node[i] = node;
    }

    /// <summary>Removes and returns the entry of least (key, node); the heap must not be empty.</summary>
    public (T Key, int Node) Pop()
    {
        var top = (_key[0], _node[0]);
        int n = --Count;
        if (n == 0) return top;
        T key = _key[n];
        int node = _node[n];
        int i = 0;
        while (true)
        {
            int l = 2 * i + 1;
            if (l >= n) break;
            int m = l + 1 < n && Less(_key[l + 1], _node[l + 1], _key[l], _node[l]) ? l + 1 : l;
            if (!Less(_key[m], _node[m], key, node)) break;
            _key[i] = _key[m];
            _node[i] = _node[m];
            i = m;
        }
        _key[i] = key;
        _node[i] = node;
        return top;
    }

    private static bool Less(T k1, int n1, T k2, int n2) => k1 < k2 || (k1 == k2 && n1 < n2);
}
