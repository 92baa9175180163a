namespace Coloc.Core.Matching.Magmap;

/// <summary>
/// Enumerates the points of a <see cref="PointGrid"/> in non-decreasing distance from one query point, exploring the
/// grid in Chebyshev rings of cells. <see cref="LowerBound"/> never exceeds the distance of any point not yet returned.
/// </summary>
/// <remarks>
/// A ring's cells of more than one point enter the queue as one entry each, keyed by a lower bound of the distance to
/// the cell's box (<see cref="CellBound"/>); their points are measured only when that entry comes first. Most streams
/// return one or two points, so this skips most of the distances a ring would otherwise cost. Ties between equal
/// distances may come out in any order:
/// <see cref="GeometricAssignment"/> gathers every column of the lowest path cost before it picks one.
/// </remarks>
internal sealed class NearestStream
{
    private readonly PointGrid _g;
    private readonly PriorityQueue<int, double> _found = new();
    private double _qz, _qy, _qx;
    private int _cz, _cy, _cx, _maxRing;
    private int _nextRing;

    public NearestStream(PointGrid grid) => _g = grid;

    /// <summary>
    /// Restarts the enumeration for a new query point (instances are reused to keep the hot path allocation-free).
    /// Distances are <c>sqrt((dz² + dy²) + dx²)</c> with <c>d = query − point</c>, the cost of the dense matrix.
    /// </summary>
    public NearestStream Reset(double qz, double qy, double qx)
    {
        _qz = qz; _qy = qy; _qx = qx;
        _found.Clear();
        _nextRing = 0;
        _cz = _g.CellCoord(qz, 0); _cy = _g.CellCoord(qy, 1); _cx = _g.CellCoord(qx, 2);
        _maxRing = Math.Max(Math.Max(Math.Max(_cz, _g.Cells[0] - 1 - _cz), Math.Max(_cy, _g.Cells[1] - 1 - _cy)),
            Math.Max(_cx, _g.Cells[2] - 1 - _cx));
        // The query may lie outside the grid's box: rings then start further out, which only makes bounds looser.
        return this;
    }

    /// <summary>A lower bound of the distance of every point not yet returned (+∞ when none is left).</summary>
    public double LowerBound
    {
        get
        {
            double ring = RingBound(_nextRing);
            if (_found.TryPeek(out _, out double d)) return Math.Min(d, ring);
            return ring;
        }
    }

    /// <summary>The next nearest point and its distance, or false when all points were returned.</summary>
    public bool Next(out int point, out double distance)
    {
        while (true)
        {
            double ring = RingBound(_nextRing);
            if (_found.TryPeek(out point, out distance) && distance <= ring)
            {
                _found.Dequeue();
                if (point >= 0) return true;
                Measure(~point);
                continue;
            }
            if (_nextRing > _maxRing)
            {
                point = -1;
                distance = double.PositiveInfinity;
                return false;
            }
            Explore(_nextRing++);
        }
    }

    private double RingBound(int ring)
    {
        if (ring > _maxRing) return double.PositiveInfinity;
        if (ring <= 1) return double.NegativeInfinity;
        // Points in ring r are at least (r - 1) cells away along some axis; shave a relative margin for rounding
        // of cell assignment and of the computed distances.
        return (ring - 1) * _g.Cell * (1 - 1e-9);
    }

    private void Explore(int r)
    {
        var n = _g.Cells;
        for (int z = Math.Max(0, _cz - r); z <= Math.Min(n[0] - 1, _cz + r); z++)
        {
            bool zEdge = Math.Abs(z - _cz) == r;
            for (int y = Math.Max(0, _cy - r); y <= Math.Min(n[1] - 1, _cy + r); y++)
            {
                bool yEdge = zEdge || Math.Abs(y - _cy) == r;
                if (yEdge)
                {
                    for (int x = Math.Max(0, _cx - r); x <= Math.Min(n[2] - 1, _cx + r); x++) AddCell(z, y, x);
                }
                else
                {
                    if (_cx - r >= 0) AddCell(z, y, _cx - r);
                    if (r > 0 && _cx + r < n[2]) AddCell(z, y, _cx + r);
                }
            }
        }
    }

    /// <summary>Queues a cell: its point when it holds one, else the cell itself (as <c>~cell</c>) under <see cref="CellBound"/>.</summary>
    private void AddCell(int z, int y, int x)
    {
        int c = _g.CellIndex(z, y, x);
        int count = _g.Start[c + 1] - _g.Start[c];
        if (count == 1) Measure(c);
        else if (count > 1) _found.Enqueue(~c, CellBound(z, y, x));
    }

    /// <summary>Queues every point of cell <paramref name="c"/> under its distance.</summary>
    private void Measure(int c)
    {
        for (int k = _g.Start[c]; k < _g.Start[c + 1]; k++)
        {
            int p = _g.Items[k];
            _found.Enqueue(p, MatchTolerance.Norm(_qz - _g.Z[p], _qy - _g.Y[p], _qx - _g.X[p]));
        }
    }

    /// <summary>
    /// A lower bound of the computed distance from the query to any point of cell z,y,x: the distance to the cell's
    /// box (open towards the outside on the grid's first and last cells, where <see cref="PointGrid.CellCoord"/>
    /// clamps), each axis' gap shortened by 10⁻⁶ cell for points that rounding put into a neighbouring cell, and the
    /// result by the same relative 10⁻⁹ margin as the ring bound.
    /// </summary>
    private double CellBound(int z, int y, int x)
    {
        double gz = AxisGap(_qz, z, 0), gy = AxisGap(_qy, y, 1), gx = AxisGap(_qx, x, 2);
        return Math.Sqrt((gz * gz + gy * gy) + gx * gx) * (1 - 1e-9);
    }

    private double AxisGap(double q, int cell, int axis)
    {
        double lo = cell == 0 ? double.NegativeInfinity : _g.Origin[axis] + cell * _g.Cell;
        double hi = cell == _g.Cells[axis] - 1 ? double.PositiveInfinity : _g.Origin[axis] + (cell + 1) * _g.Cell;
        return Math.Max(0, Math.Max(lo - q, q - hi) - 1e-6 * _g.Cell);
    }
}
