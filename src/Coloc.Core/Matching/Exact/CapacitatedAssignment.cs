using System.Numerics;

namespace Coloc.Core.Matching.Exact;

/// <summary>
/// Exact lexicographic bipartite matching with multiplicities (a transportation problem on a sparse graph): row r
/// may be used <c>supply[r]</c> times, column c <c>capacity[c]</c> times, an edge any number of times; the result has
/// the largest total flow, then the smallest total integer cost. It is what <see cref="SparseAssignment{T}"/> solves
/// when every row and column stands for a group of interchangeable points.
/// </summary>
/// <remarks>
/// Successive shortest paths from a source (arcs to rows) to a sink (arcs from columns), each path found by Dijkstra
/// over reduced costs <c>cost + π(u) − π(v)</c> (non-negative: all costs are ≥ 0 to begin with, and potentials grow
/// by <c>min(δ, δ(sink))</c> after each search), and the bottleneck amount pushed at once. The flow after each
/// augmentation is of least cost for its value, so the last one is a maximum flow of least cost. Source and sink arcs
/// only fill, so there are at most rows + columns augmentations that fill them, plus those that empty a reverse arc.
/// Ties: the heap orders (distance, node), rows before columns. Arithmetic is checked: an overflow raises
/// <see cref="OverflowException"/> so the caller can rerun with a wider <typeparamref name="T"/>.
/// </remarks>
internal sealed class CapacitatedAssignment<T> where T : struct, IBinaryInteger<T>
{
    private T[] _pot = [], _dist = [];
    private int[] _pred = [], _seen = [], _done = [], _colStart = [], _colEdge = [], _rowOf = [], _edgeCol = [], _fill = [];
    private long[] _sent = [], _recv = [];
    private readonly NodeHeap<T> _heap = new();
    private int _epoch;

    /// <summary>
    /// Solves rows 0..nRows−1 against columns 0..nCols−1; row r's edges are <c>adjCol/adjCost[rowStart[r]..rowStart[r+1])</c>,
    /// costs ≥ 0. Writes each edge's flow to <paramref name="flow"/> (same indexing as <paramref name="adjCol"/>).
    /// </summary>
    public void Solve(int nRows, int nCols, ReadOnlySpan<int> supply, ReadOnlySpan<int> capacity,
        ReadOnlySpan<int> rowStart, ReadOnlySpan<int> adjCol, ReadOnlySpan<long> adjCost, Span<long> flow)
    {
        int m = adjCol.Length, nodes = nRows + nCols + 1, sink = nRows + nCols;
        Ensure(nRows, nCols, m);
        flow[..m].Clear();
        _pot.AsSpan(0, nodes).Clear();
        _sent.AsSpan(0, nRows).Clear();
        _recv.AsSpan(0, nCols).Clear();
        // Column-wise adjacency (edge ids), for the reverse arcs column → row of edges carrying flow.
        _colStart.AsSpan(0, nCols + 1).Clear();
        for (int k = 0; k < m; k++) _colStart[adjCol[k] + 1]++;
        for (int c = 0; c < nCols; c++) _colStart[c + 1] += _colStart[c];
        _colStart.AsSpan(0, nCols + 1).CopyTo(_fill);
        for (int r = 0; r < nRows; r++)
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++)
            {
                _rowOf[k] = r;
                _edgeCol[k] = adjCol[k];
                _colEdge[_fill[adjCol[k]]++] = k;
            }
        while (true)
        {
            NextEpoch(nodes);
            _heap.Clear();
            // Source arcs: rows with supply left, reduced cost π(source) − π(row) (the source is never reached again,
            // so π(source) stays 0).
            for (int r = 0; r < nRows; r++)
                if (_sent[r] < supply[r]) Offer(r, checked(-_pot[r]), -1);
            T dSink = T.Zero;
            bool reached = false;
            while (_heap.Count > 0)
            {
                var (d, v) = _heap.Pop();
                if (_done[v] == _epoch || d != _dist[v]) continue;
                _done[v] = _epoch;
                if (v == sink) { dSink = d; reached = true; break; }
                if (v < nRows)
                {
                    T baseR = checked(d + _pot[v]);
                    for (int k = rowStart[v]; k < rowStart[v + 1]; k++)
                    {
                        int c = nRows + adjCol[k];
                        if (_done[c] != _epoch) Offer(c, checked(baseR + T.CreateTruncating(adjCost[k]) - _pot[c]), k);
                    }
                }
                else
                {
                    int c = v - nRows;
                    T baseC = checked(d + _pot[v]);
                    for (int t = _colStart[c]; t < _colStart[c + 1]; t++)
                    {
                        int k = _colEdge[t], r = _rowOf[k];
                        if (flow[k] > 0 && _done[r] != _epoch)
                            Offer(r, checked(baseC - T.CreateTruncating(adjCost[k]) - _pot[r]), k);
                    }
                    if (_recv[c] < capacity[c] && _done[sink] != _epoch) Offer(sink, checked(baseC - _pot[sink]), c);
                }
            }
            if (!reached) return;
            for (int v = 0; v < nodes; v++)
            {
                T dv = _done[v] == _epoch && _dist[v] < dSink ? _dist[v] : dSink;
                _pot[v] = checked(_pot[v] + dv);
            }
            Augment(nRows, nCols, supply, capacity, flow);
        }
    }

    /// <summary>Pushes the bottleneck amount along the tree path source → row → column → … → column → sink.</summary>
    private void Augment(int nRows, int nCols, ReadOnlySpan<int> supply, ReadOnlySpan<int> capacity, Span<long> flow)
    {
        int last = _pred[nRows + nCols];
        long amount = capacity[last] - _recv[last];
        for (int c = last; ;)
        {
            int r = _rowOf[_pred[nRows + c]], back = _pred[r];
            if (back < 0) { amount = Math.Min(amount, supply[r] - _sent[r]); break; }
            amount = Math.Min(amount, flow[back]);
            c = _edgeCol[back];
        }
        _recv[last] += amount;
        for (int c = last; ;)
        {
            int k = _pred[nRows + c];
            flow[k] += amount;
            int r = _rowOf[k], back = _pred[r];
            if (back < 0) { _sent[r] += amount; return; }
            flow[back] -= amount;
            c = _edgeCol[back];
        }
    }

    private void Offer(int v, T d, int pred)
    {
        if (_seen[v] == _epoch && d >= _dist[v]) return;
        _seen[v] = _epoch;
        _dist[v] = d;
        _pred[v] = pred;
        _heap.Push(d, v);
    }

    private void NextEpoch(int nodes)
    {
        if (++_epoch == int.MaxValue)
        {
            _epoch = 1;
            _seen.AsSpan(0, nodes).Clear();
            _done.AsSpan(0, nodes).Clear();
        }
    }

    private void Ensure(int nRows, int nCols, int edges)
    {
        int nodes = nRows + nCols + 1;
        if (_pot.Length < nodes)
        {
            int n = Math.Max(nodes, _pot.Length * 2);
            _pot = new T[n]; _dist = new T[n]; _pred = new int[n]; _seen = new int[n]; _done = new int[n];
            _epoch = 0;
        }
        if (_sent.Length < nRows) _sent = new long[Math.Max(nRows, _sent.Length * 2)];
        if (_recv.Length < nCols) { _recv = new long[Math.Max(nCols, _recv.Length * 2)]; }
        if (_colStart.Length < nCols + 1) { _colStart = new int[Math.Max(nCols + 1, _colStart.Length * 2)]; _fill = new int[_colStart.Length]; }
        if (_colEdge.Length < edges)
        {
            int n = Math.Max(edges, _colEdge.Length * 2);
            _colEdge = new int[n]; _rowOf = new int[n]; _edgeCol = new int[n];
        }
        _heap.Reserve(edges);
    }
}
