using Coloc.Core.Blobs;

namespace Coloc.Core.Matching.Exact;

/// <summary>
/// Solves one component of the candidate graph between <see cref="CoincidentGroups"/> (nodes: groups, not points)
/// exactly, one instance per worker thread. Points of one group are interchangeable (same distance to everything),
/// so the component is a transportation problem: <see cref="CapacitatedAssignment{T}"/> with each group's size as
/// its supply or capacity finds the largest number of pairs, then the smallest total integer cost, in time that
/// depends on the number of groups and edges, not on the group sizes. The flow on each edge is then handed out to
/// the groups' points in canonical order (<see cref="BlobOrder"/>), rows (side-A groups) in ascending (z, y, x),
/// each row's edges by column, so the result depends only on the blob values of the component.
/// </summary>
internal sealed class GroupedComponentSolver(
    Blob[] blobs, int[] globalA, int[] globalB, CoincidentGroups groupsA, CoincidentGroups groupsB, CandidateEdges edges,
    ComponentSet components)
{
    private readonly CapacitatedAssignment<long> _narrow = new();
    private CapacitatedAssignment<Int128>? _wide;
    private int[] _rowStart = [], _adjCol = [], _fill = [], _supply = [], _capacity = [], _cursor = [];
    private long[] _adjCost = [], _flow = [];
    private (int Col, long Cost)[] _tmp = [];

    /// <summary>Row or column of each group node in its component (nodes: A groups, then B groups offset by the A group count); shared by all workers.</summary>
    public required int[] Position { get; init; }

    /// <summary>True when a group of component <paramref name="c"/> has more than one point.</summary>
    public bool HasCoincident(int c)
    {
        int nA = groupsA.Count;
        for (int t = components.NodeStart[c]; t < components.NodeStart[c + 1]; t++)
        {
            int v = components.Nodes[t];
            if ((v < nA ? groupsA.Size(v) : groupsB.Size(v - nA)) > 1) return true;
        }
        return false;
    }

    /// <summary>
    /// Solves component <paramref name="c"/>; writes matched (side-A point, side-B point) pairs, local point indices,
    /// to <paramref name="outA"/>/<paramref name="outB"/> and returns how many.
    /// </summary>
    public int Solve(int c, Span<int> outA, Span<int> outB)
    {
        int nA = groupsA.Count;
        int s = components.NodeStart[c], e = components.NodeStart[c + 1];
        int split = s;
        while (split < e && components.Nodes[split] < nA) split++;
        int nRows = split - s, nCols = e - split;
        int es = components.EdgeStart[c], m = components.EdgeStart[c + 1] - es;
        RowAdjacency.Grow(ref _rowStart, nRows + 1);
        RowAdjacency.Grow(ref _fill, nRows + 1);
        RowAdjacency.Grow(ref _supply, nRows);
        RowAdjacency.Grow(ref _capacity, nCols);
        RowAdjacency.Grow(ref _cursor, nRows + nCols);
        RowAdjacency.Grow(ref _adjCol, m);
        RowAdjacency.Grow(ref _adjCost, m);
        RowAdjacency.Grow(ref _flow, m);
        RowAdjacency.Grow(ref _tmp, m);
        // Group ids ascend with (z, y, x), so rows and columns are in canonical order already.
        for (int k = 0; k < nRows; k++)
        {
            int g = components.Nodes[s + k];
            Position[g] = k;
            _supply[k] = groupsA.Size(g);
            SortMembers(groupsA, g, globalA);
        }
        for (int k = 0; k < nCols; k++)
        {
            int g = components.Nodes[split + k] - nA;
            Position[nA + g] = k;
            _capacity[k] = groupsB.Size(g);
            SortMembers(groupsB, g, globalB);
        }
        _rowStart.AsSpan(0, nRows + 1).Clear();
        for (int k = 0; k < m; k++) _rowStart[Position[edges.A[components.Edges[es + k]]] + 1]++;
        for (int r = 0; r < nRows; r++) _rowStart[r + 1] += _rowStart[r];
        _rowStart.AsSpan(0, nRows + 1).CopyTo(_fill);
        for (int k = 0; k < m; k++)
        {
            int edge = components.Edges[es + k];
            _tmp[_fill[Position[edges.A[edge]]]++] = (Position[nA + edges.B[edge]], edges.Cost[edge]);
        }
        RowAdjacency.SortRows(nRows, _rowStart, _tmp, _adjCol, _adjCost);
        var rs = _rowStart.AsSpan(0, nRows + 1);
        var flow = _flow.AsSpan(0, m);
        try
        {
            _narrow.Solve(nRows, nCols, _supply.AsSpan(0, nRows), _capacity.AsSpan(0, nCols), rs, _adjCol.AsSpan(0, m), _adjCost.AsSpan(0, m), flow);
        }
        catch (OverflowException)
        {
            (_wide ??= new CapacitatedAssignment<Int128>()).Solve(
                nRows, nCols, _supply.AsSpan(0, nRows), _capacity.AsSpan(0, nCols), rs, _adjCol.AsSpan(0, m), _adjCost.AsSpan(0, m), flow);
        }
        _cursor.AsSpan(0, nRows + nCols).Clear();
        int count = 0;
        for (int r = 0; r < nRows; r++)
        {
            int ga = components.Nodes[s + r];
            for (int k = rs[r]; k < rs[r + 1]; k++)
            {
                int col = _adjCol[k], gb = components.Nodes[split + col] - nA;
                for (long f = flow[k]; f > 0; f--)
                {
                    outA[count] = groupsA.Members[groupsA.Start[ga] + _cursor[r]++];
                    outB[count] = groupsB.Members[groupsB.Start[gb] + _cursor[nRows + col]++];
                    count++;
                }
            }
        }
        return count;
    }

    private void SortMembers(CoincidentGroups groups, int g, int[] global)
    {
        var span = groups.Members.AsSpan(groups.Start[g], groups.Size(g));
        if (span.Length < 2) return;
        var b = blobs;
        // Members are in ascending index order; if all are equal blobs, that is the canonical order already.
        bool allEqual = true;
        for (int k = 1; k < span.Length && allEqual; k++) allEqual = b[global[span[k]]] == b[global[span[0]]];
        if (allEqual) return;
        span.Sort((i, j) => BlobOrder.ComparePositionFirstIndexed(b, global[i], global[j]));
    }
}
