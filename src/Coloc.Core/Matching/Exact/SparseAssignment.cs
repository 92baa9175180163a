using System.Numerics;

namespace Coloc.Core.Matching.Exact;

/// <summary>
/// Exact lexicographic bipartite matching on a sparse graph: the largest number of pairs, then the smallest total
/// integer cost. Rows are added one at a time (index order); after adding row r the matching is a maximum matching of
/// rows 0..r of least cost among maximum ones. Adding a row runs one Dijkstra over reduced costs
/// <c>cost + π(row) − π(col)</c> (non-negative; matched edges tight) from that row:
/// <list type="bullet">
/// <item>it reaches a free column: augment along the shortest such path (cardinality +1; free columns all keep
/// potential 0, so the shortest reduced path is the cheapest real one);</item>
/// <item>it reaches none: the cheapest alternating path to a matched row r′ has real cost
/// <c>δ(r′) − π(row) + π(r′)</c>; if negative, the new row takes over and r′ is freed (same cardinality, lower cost).</item>
/// </list>
/// Ties: the heap orders (distance, column index), the swap picks the lowest row index, and a zero-cost swap is not
/// made. Memory O(rows + cols + edges). Arithmetic is checked: an overflow raises <see cref="OverflowException"/> so
/// the caller can rerun with a wider <typeparamref name="T"/>.
/// </summary>
internal sealed class SparseAssignment<T> where T : struct, IBinaryInteger<T>
{
    private T[] _potR = [], _potC = [], _distR = [], _distC = [];
    private int[] _predC = [], _matchRow = [], _seenC = [], _doneC = [], _doneR = [];
    private int[] _settledR = [], _settledC = [];
    private readonly NodeHeap<T> _heap = new();
    private int _epoch;

    /// <summary>
    /// Solves rows 0..nRows−1 against columns 0..nCols−1; row r's edges are <c>adjCol/adjCost[rowStart[r]..rowStart[r+1])</c>.
    /// Writes each row's column or −1 to <paramref name="matchCol"/>.
    /// </summary>
    public void Solve(int nRows, int nCols, ReadOnlySpan<int> rowStart, ReadOnlySpan<int> adjCol, ReadOnlySpan<long> adjCost, Span<int> matchCol)
    {
        Ensure(nRows, nCols, adjCol.Length);
        _potC.AsSpan(0, nCols).Clear();
        _matchRow.AsSpan(0, nCols).Fill(-1);
        matchCol[..nRows].Fill(-1);
        for (int r0 = 0; r0 < nRows; r0++)
        {
            int s0 = rowStart[r0], e0 = rowStart[r0 + 1];
            if (s0 == e0) continue;
            NextEpoch();
            T p0 = T.CreateTruncating(long.MinValue);
            for (int k = s0; k < e0; k++) p0 = T.Max(p0, checked(_potC[adjCol[k]] - T.CreateTruncating(adjCost[k])));
            _potR[r0] = p0;
            int nR = 0, nC = 0, found = -1;
            _heap.Clear();
            _distR[r0] = T.Zero;
            _doneR[r0] = _epoch;
            _settledR[nR++] = r0;
            Relax(r0, rowStart, adjCol, adjCost);
            while (_heap.Count > 0)
            {
                var (d, c) = _heap.Pop();
                if (_doneC[c] == _epoch || d != _distC[c]) continue;
                _doneC[c] = _epoch;
                _settledC[nC++] = c;
                int r = _matchRow[c];
                if (r < 0) { found = c; break; }
                _distR[r] = d;
                _doneR[r] = _epoch;
                _settledR[nR++] = r;
                Relax(r, rowStart, adjCol, adjCost);
            }
            if (found >= 0)
            {
                UpdatePotentials(nR, nC, _distC[found]);
                Flip(found, r0, matchCol);
                continue;
            }
            int best = -1;
            T bestCost = T.Zero;
            for (int k = 1; k < nR; k++)
            {
                int r = _settledR[k];
                T real = checked(_distR[r] - p0 + _potR[r]);
                if (real < bestCost || (real == bestCost && best >= 0 && r < best)) { best = r; bestCost = real; }
            }
            if (best < 0) continue;
            UpdatePotentials(nR, nC, _distR[best]);
            int col = matchCol[best];
            matchCol[best] = -1;
            Flip(col, r0, matchCol);
        }
    }

    private void Relax(int r, ReadOnlySpan<int> rowStart, ReadOnlySpan<int> adjCol, ReadOnlySpan<long> adjCost)
    {
        T baseR = checked(_distR[r] + _potR[r]);
        for (int k = rowStart[r]; k < rowStart[r + 1]; k++)
        {
            int c = adjCol[k];
            if (_doneC[c] == _epoch) continue;
            T nd = checked(baseR + T.CreateTruncating(adjCost[k]) - _potC[c]);
            if (_seenC[c] != _epoch || nd < _distC[c])
            {
                _seenC[c] = _epoch;
                _distC[c] = nd;
                _predC[c] = r;
                _heap.Push(nd, c);
            }
        }
    }

    /// <summary>π += min(δ, D) − D for the settled nodes (the others have δ ≥ D).</summary>
    private void UpdatePotentials(int nR, int nC, T bound)
    {
        for (int k = 0; k < nR; k++)
        {
            int r = _settledR[k];
            if (_distR[r] < bound) _potR[r] = checked(_potR[r] + _distR[r] - bound);
        }
        for (int k = 0; k < nC; k++)
        {
            int c = _settledC[k];
            if (_distC[c] < bound) _potC[c] = checked(_potC[c] + _distC[c] - bound);
        }
    }

    /// <summary>Flips the tree path ending at column <paramref name="c"/> back to <paramref name="r0"/>.</summary>
    private void Flip(int c, int r0, Span<int> matchCol)
    {
        while (true)
        {
            int r = _predC[c];
            int next = matchCol[r];
            matchCol[r] = c;
            _matchRow[c] = r;
            if (r == r0) return;
            c = next;
        }
    }

    private void NextEpoch()
    {
        if (++_epoch == int.MaxValue)
        {
            _epoch = 1;
            Array.Clear(_seenC); Array.Clear(_doneC); Array.Clear(_doneR);
        }
    }

    private void Ensure(int nRows, int nCols, int edges)
    {
        if (_potR.Length < nRows)
        {
            int n = Math.Max(nRows, _potR.Length * 2);
            _potR = new T[n]; _distR = new T[n]; _doneR = new int[n]; _settledR = new int[n];
            _epoch = 0;
            Array.Clear(_seenC); Array.Clear(_doneC);
        }
        if (_potC.Length < nCols)
        {
            int n = Math.Max(nCols, _potC.Length * 2);
            _potC = new T[n]; _distC = new T[n]; _predC = new int[n]; _matchRow = new int[n];
            _seenC = new int[n]; _doneC = new int[n]; _settledC = new int[n];
            _epoch = 0;
            Array.Clear(_doneR);
        }
        _heap.Reserve(edges);
    }
}
