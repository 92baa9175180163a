namespace Coloc.Core.Matching.Exact;

/// <summary>Union-find over 0..n−1 with path halving and union by size.</summary>
internal sealed class DisjointSets
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public DisjointSets(int n)
    {
        _parent = new int[n];
        _size = new int[n];
        for (int i = 0; i < n; i++) { _parent[i] = i; _size[i] = 1; }
    }

    public int Find(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }
        return i;
    }

    public void Union(int i, int j)
    {
        i = Find(i);
        j = Find(j);
        if (i == j) return;
        if (_size[i] < _size[j]) (i, j) = (j, i);
        _parent[j] = i;
        _size[i] += _size[j];
    }
}
