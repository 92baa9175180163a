namespace Coloc.Core.Matching.Magmap;

internal sealed partial class GeometricAssignment
{
    /// <summary>One shortest augmenting path search from <paramref name="curRow"/>; returns the sink column.</summary>
    private int Search(int curRow, out double minVal)
    {
        _gen++;
        _numRemaining = _nc;
        _visitedRows.Clear();
        _visitedCols.Clear();
        _streams.Clear();
        _streamOrder.Clear();
        _heap.Clear();
        minVal = 0;
        int i = curRow;
        while (true)
        {
            _srStamp[i] = _gen;
            _visitedRows.Add(i);
            int k = _streams.Count;
            if (k == _pool.Count) _pool.Add(new NearestStream(_grid));
            _streams.Add((_pool[k].Reset(_rz[i], _ry[i], _rx[i]), i, minVal));
            _streamOrder.Enqueue(k, StreamBound(k));

            int j = Lowest(out double lowest);
            minVal = lowest;
            _scStamp[j] = _gen;
            _visitedCols.Add(j);
            Remove(j);
            if (_row4col[j] == -1) return j;
            i = _row4col[j];
        }
    }

    /// <summary>
    /// Lower bound of the path cost of any column stream <paramref name="k"/> has not produced yet:
    /// <c>r = ((minVal + C) − u) − v ≥ ((minVal + Cbound) − u) − max(v)</c>, IEEE addition and subtraction being monotone.
    /// </summary>
    private double StreamBound(int k)
    {
        var (s, row, mv) = _streams[k];
        double c = s.LowerBound;
        return double.IsNegativeInfinity(c) ? double.NegativeInfinity : ((mv + c) - _u[row]) - _vMax;
    }

    /// <summary>The remaining column the dense scan would pick: lowest path cost, ties by its scan-order rule.</summary>
    private int Lowest(out double lowest)
    {
        while (true)
        {
            double m = PeekValid(out _);
            if (!_streamOrder.TryPeek(out int k, out double bound) || bound > m) break;
            _streamOrder.Dequeue();
            var (s, row, mv) = _streams[k];
            if (s.Next(out int col, out double c))
            {
                if (_scStamp[col] != _gen)
                {
                    double r = ((mv + c) - _u[row]) - _v[col];
                    if (_stamp[col] != _gen || r < _spc[col] || (r == _spc[col] && k < _pathK[col]))
                    {
                        _stamp[col] = _gen;
                        _spc[col] = r;
                        _pathK[col] = k;
                        _path[col] = row;
                        _heap.Enqueue(col, k, r);
                    }
                }
                _streamOrder.Enqueue(k, StreamBound(k));
            }
        }

        lowest = PeekValid(out _);
        if (double.IsPositiveInfinity(lowest)) throw new InvalidOperationException("no remaining column (infeasible assignment)");
        // Every column whose path cost equals the lowest is now in the heap; apply the dense scan's tie rule.
        int firstAny = -1, firstAnyPos = int.MaxValue, lastFree = -1, lastFreePos = -1;
        var ties = _ties;
        ties.Clear();
        while (PeekValid(out var e) == lowest)
        {
            _heap.Dequeue();
            ties.Add(e);
            int pos = PosOf(e.Col);
            if (pos < firstAnyPos) { firstAnyPos = pos; firstAny = e.Col; }
            if (_row4col[e.Col] == -1 && pos > lastFreePos) { lastFreePos = pos; lastFree = e.Col; }
        }
        int chosen = lastFree >= 0 ? lastFree : firstAny;
        foreach (var e in ties)
            if (e.Col != chosen) _heap.Enqueue(e.Col, e.K, _spc[e.Col]);
        return chosen;
    }

    /// <summary>Smallest current entry of the heap after dropping stale ones (+∞ if empty).</summary>
    private double PeekValid(out (int Col, int K) entry)
    {
        while (_heap.TryPeek(out int col, out int k, out double r))
        {
            if (_scStamp[col] != _gen && _stamp[col] == _gen && _spc[col] == r && _pathK[col] == k)
            {
                entry = (col, k);
                return r;
            }
            _heap.Dequeue();
        }
        entry = default;
        return double.PositiveInfinity;
    }

    private int PosOf(int col) => _posStamp[col] == _gen ? _posOf[col] : _nc - 1 - col;

    private int ColAt(int pos) => _colAtStamp[pos] == _gen ? _colAt[pos] : _nc - 1 - pos;

    /// <summary>Removes a column from the scan list the way the dense scan does: the last element takes its slot.</summary>
    private void Remove(int col)
    {
        int pos = PosOf(col);
        int last = --_numRemaining;
        int lastCol = ColAt(last);
        _colAt[pos] = lastCol; _colAtStamp[pos] = _gen;
        _posOf[lastCol] = pos; _posStamp[lastCol] = _gen;
    }
}
