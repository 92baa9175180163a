namespace Coloc.Core.Matching.Magmap;

/// <summary>
/// SciPy's dense minimum-cost <c>linear_sum_assignment</c> on the implicit dense matrix of scaled Euclidean distances between two point sets,
/// giving bit-identical assignments without building the matrix. Each shortest augmenting path search is the same
/// Dijkstra as the dense scan, but the path costs of columns are produced lazily in order of distance from each visited
/// row (<see cref="NearestStream"/>): since column duals never become positive, <c>((minVal + C) − u) − v ≥ (minVal + C) − u</c>,
/// so a column whose distance bound already exceeds the current lowest path cost cannot be the lowest and need not be
/// evaluated. Ties are resolved exactly as the dense scan does: the scan order of the remaining-columns list is tracked
/// through its swap removals, the last unassigned column of equal lowest cost in scan order wins (else the first one),
/// and a column's path keeps the earliest row that reached its cost.
/// </summary>
/// <remarks>
/// Cost is <c>sqrt((dz² + dy²) + dx²)</c> with <c>d = row − column</c> per axis on pre-scaled coordinates (the value
/// SciPy's <c>cdist</c> gives). Work per search is proportional to the points near the visited rows instead of
/// to the number of columns; memory is O(rows + columns).
/// </remarks>
internal sealed partial class GeometricAssignment
{
    private readonly double[] _rz, _ry, _rx;
    private readonly double[] _cz, _cy, _cx;
    private readonly int _nr, _nc;
    private readonly PointGrid _grid;

    private readonly double[] _u, _v, _spc;
    private readonly int[] _col4row, _row4col, _path, _pathK, _stamp, _scStamp, _srStamp;
    private readonly int[] _posOf, _posStamp, _colAt, _colAtStamp;
    private readonly List<int> _visitedRows = [];
    private readonly List<int> _visitedCols = [];
    private readonly List<(NearestStream Stream, int Row, double MinVal)> _streams = [];
    private readonly List<NearestStream> _pool = [];
    private readonly PriorityQueue<int, double> _streamOrder = new();
    private readonly PathCostHeap _heap = new();
    private readonly List<(int Col, int K)> _ties = [];
    private int _gen, _numRemaining;
    private double _vMax; // largest column dual so far (0 in exact arithmetic; rounding may push it above)

    private GeometricAssignment(double[] rz, double[] ry, double[] rx, double[] cz, double[] cy, double[] cx, double cellSize)
    {
        _rz = rz; _ry = ry; _rx = rx; _cz = cz; _cy = cy; _cx = cx;
        _nr = rz.Length; _nc = cz.Length;
        _grid = new PointGrid(cz, cy, cx, cellSize);
        _u = new double[_nr]; _v = new double[_nc]; _spc = new double[_nc];
        _col4row = new int[_nr]; _row4col = new int[_nc]; _path = new int[_nc]; _pathK = new int[_nc];
        _stamp = new int[_nc]; _scStamp = new int[_nc]; _srStamp = new int[_nr];
        _posOf = new int[_nc]; _posStamp = new int[_nc]; _colAt = new int[_nc]; _colAtStamp = new int[_nc];
        Array.Fill(_col4row, -1);
        Array.Fill(_row4col, -1);
    }

    /// <summary>Solves the assignment of rows (first point set) to columns (second point set).</summary>
    /// <param name="rows">Row points' scaled z, y, x.</param>
    /// <param name="cols">Column points' scaled z, y, x.</param>
    /// <param name="cellSize">Grid cell edge in scaled units (e.g. a few times the mean spacing); affects speed only.</param>
    /// <returns>Assigned (row, column) pairs, rows ascending, as SciPy's <c>linear_sum_assignment</c> returns them.</returns>
    public static (int[] Rows, int[] Cols) Solve(
        (double[] Z, double[] Y, double[] X) rows, (double[] Z, double[] Y, double[] X) cols, double cellSize)
    {
        int nr = rows.Z.Length, nc = cols.Z.Length;
        if (nr == 0 || nc == 0) return ([], []);
        bool transpose = nc < nr;
        var (a, b) = transpose ? (cols, rows) : (rows, cols);
        var solver = new GeometricAssignment(a.Z, a.Y, a.X, b.Z, b.Y, b.X, cellSize);
        var col4row = solver.Run();
        int n = col4row.Length;
        var ri = new int[n];
        var ci = new int[n];
        if (!transpose)
        {
            for (int i = 0; i < n; i++) { ri[i] = i; ci[i] = col4row[i]; }
            return (ri, ci);
        }
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(order, (p, q) => col4row[p].CompareTo(col4row[q]));
        for (int k = 0; k < n; k++) { ri[k] = col4row[order[k]]; ci[k] = order[k]; }
        return (ri, ci);
    }

    private int[] Run()
    {
        for (int curRow = 0; curRow < _nr; curRow++)
        {
            int sink = Search(curRow, out double minVal);
            _u[curRow] += minVal;
            foreach (int i in _visitedRows)
                if (i != curRow) _u[i] += minVal - _spc[_col4row[i]];
            foreach (int j in _visitedCols)
            {
                _v[j] -= minVal - _spc[j];
                if (_v[j] > _vMax) _vMax = _v[j];
            }
            int jj = sink;
            while (true)
            {
                int i = _path[jj];
                _row4col[jj] = i;
                (_col4row[i], jj) = (jj, _col4row[i]);
                if (i == curRow) break;
            }
        }
        return _col4row;
    }
}
