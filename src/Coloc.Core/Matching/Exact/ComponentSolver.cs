using Coloc.Core.Blobs;

namespace Coloc.Core.Matching.Exact;

/// <summary>
/// Solves one component of the candidate graph exactly (one instance per worker thread; scratch reused). The
/// component's points are put in canonical order (<see cref="BlobOrder"/>), the smaller side (side A on a tie)
/// becomes the rows of a <see cref="SparseAssignment{T}"/>, each row's edges sorted by column, so the result depends
/// only on the blob values of the component.
/// </summary>
internal sealed class ComponentSolver(Blob[] blobs, int[] globalA, int[] globalB, CandidateEdges edges, ComponentSet components)
{
    private readonly SparseAssignment<long> _narrow = new();
    private SparseAssignment<Int128>? _wide;
    private int[] _a = [], _b = [], _rowStart = [], _adjCol = [], _match = [], _fill = [];
    private long[] _adjCost = [];
    private (int Col, long Cost)[] _tmp = [];

    /// <summary>
    /// Node position inside its component's sorted side, indexed by node id; shared by all workers (each node
    /// belongs to exactly one component, so writes never collide).
    /// </summary>
    public required int[] Position { get; init; }

    /// <summary>Solves component <paramref name="c"/>; writes matched (side-A point, side-B point) pairs to <paramref name="outA"/>/<paramref name="outB"/> and returns how many.</summary>
    public int Solve(int c, Span<int> outA, Span<int> outB)
    {
        int nA = globalA.Length;
        int s = components.NodeStart[c], e = components.NodeStart[c + 1];
        int split = s;
        while (split < e && components.Nodes[split] < nA) split++;
        int ca = split - s, cb = e - split;
        int es = components.EdgeStart[c], ee = components.EdgeStart[c + 1];
        if (ca == 1 && cb == 1)
        {
            outA[0] = components.Nodes[s];
            outB[0] = components.Nodes[split] - nA;
            return 1;
        }
        RowAdjacency.Grow(ref _a, ca);
        RowAdjacency.Grow(ref _b, cb);
        for (int k = 0; k < ca; k++) _a[k] = components.Nodes[s + k];
        for (int k = 0; k < cb; k++) _b[k] = components.Nodes[split + k] - nA;
        SortCanonical(_a.AsSpan(0, ca), globalA);
        SortCanonical(_b.AsSpan(0, cb), globalB);
        for (int k = 0; k < ca; k++) Position[_a[k]] = k;
        for (int k = 0; k < cb; k++) Position[nA + _b[k]] = k;

        bool rowsAreA = ca <= cb;
        int nRows = rowsAreA ? ca : cb, nCols = rowsAreA ? cb : ca, m = ee - es;
        RowAdjacency.Grow(ref _rowStart, nRows + 1);
        RowAdjacency.Grow(ref _fill, nRows + 1);
        RowAdjacency.Grow(ref _adjCol, m);
        RowAdjacency.Grow(ref _adjCost, m);
        RowAdjacency.Grow(ref _tmp, m);
        RowAdjacency.Grow(ref _match, nRows);
        _rowStart.AsSpan(0, nRows + 1).Clear();
        for (int k = es; k < ee; k++)
        {
            int edge = components.Edges[k];
            int row = rowsAreA ? Position[edges.A[edge]] : Position[nA + edges.B[edge]];
            _rowStart[row + 1]++;
        }
        for (int r = 0; r < nRows; r++) _rowStart[r + 1] += _rowStart[r];
        _rowStart.AsSpan(0, nRows + 1).CopyTo(_fill);
        for (int k = es; k < ee; k++)
        {
            int edge = components.Edges[k];
            int pa = Position[edges.A[edge]], pb = Position[nA + edges.B[edge]];
            int row = rowsAreA ? pa : pb;
            _tmp[_fill[row]++] = (rowsAreA ? pb : pa, edges.Cost[edge]);
        }
        RowAdjacency.SortRows(nRows, _rowStart, _tmp, _adjCol, _adjCost);
        var rs = _rowStart.AsSpan(0, nRows + 1);
        var ac = _adjCol.AsSpan(0, m);
        var aw = _adjCost.AsSpan(0, m);
        var match = _match.AsSpan(0, nRows);
        try
        {
            _narrow.Solve(nRows, nCols, rs, ac, aw, match);
        }
        catch (OverflowException)
        {
            (_wide ??= new SparseAssignment<Int128>()).Solve(nRows, nCols, rs, ac, aw, match);
        }
        int count = 0;
        for (int r = 0; r < nRows; r++)
        {
            if (match[r] < 0) continue;
            outA[count] = rowsAreA ? _a[r] : _a[match[r]];
            outB[count] = rowsAreA ? _b[match[r]] : _b[r];
            count++;
        }
        return count;
    }

    private void SortCanonical(Span<int> points, int[] global)
    {
        if (points.Length < 2) return;
        var b = blobs;
        points.Sort((i, j) => BlobOrder.ComparePositionFirstIndexed(b, global[i], global[j]));
    }
}
