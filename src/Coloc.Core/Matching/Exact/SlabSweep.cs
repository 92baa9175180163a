using System.Runtime;
using Coloc.Core.Blobs;

namespace Coloc.Core.Matching.Exact;

/// <summary>
/// One channel pair of a <see cref="SlabColocalizer"/>: the window of kept blobs, slab by slab along the source's axis;
/// closed components solved and forgotten; rows streamed out below the watermark (z slabs) or stored as sorted runs and
/// merged at the end (y or x slabs) (see the remarks of <see cref="SlabColocalizer"/>).
/// </summary>
internal sealed class SlabSweep(SlabColocalizer run, ChannelPair pair)
{
    /// <summary>Relative margin on the threshold when deciding that no unread blob can reach a component.</summary>
    private const double Margin = 1e-6;

    /// <summary>Rows per piece of a merged sweep across y or x.</summary>
    private const int MergePieceRows = 8192;

    /// <summary>Windows of at least this many blobs (both sides) return their garbage to the system after their step (<see cref="Compact"/>).</summary>
    private const int CompactAboveBlobs = 1 << 16;

    private readonly int _axis = run.Source.Axis;
    private SlabBlobs _keptA = SlabBlobs.Empty, _keptB = SlabBlobs.Empty;
    private readonly List<MatchRow> _pending = [];

    public IEnumerable<ArraySegment<MatchRow>> Run(CancellationToken ct)
    {
        var source = run.Source;
        int slabs = source.SlabCount;
        // after[k]: the smallest coordinate along the axis of slabs k+1.. (the frontier once slab k is read).
        var after = new double[slabs];
        double min = double.PositiveInfinity;
        for (int k = slabs - 1; k >= 0; k--)
        {
            after[k] = min;
            min = Math.Min(min, source.MinCoordinate(k));
        }
        var runs = new List<int>();
        for (int k = 0; k < slabs; k++)
        {
            ct.ThrowIfCancellationRequested();
            var a = Window(_keptA, run.Participants(k, pair.A));
            var b = Window(_keptB, run.Participants(k, pair.B));
            bool large = a.Blobs.Length + b.Blobs.Length >= CompactAboveBlobs;
            var closed = Step(a, b, after[k], ct);
            a = b = null!;
            if (_axis != 0)
            {
                // Across y or x the table order (z first) interleaves slabs: each step's rows are final, stored as a sorted run.
                Array.Sort(closed, static (p, q) => MatchOrder.CompareRows(p, q));
                if (closed.Length > 0) runs.Add(run.Runs.WriteRun(closed));
                closed = null!;
                if (large) Compact();
                continue;
            }
            _pending.AddRange(closed);
            double watermark = after[k];
            foreach (var blob in _keptA.Blobs) watermark = Math.Min(watermark, blob.Z);
            var piece = Release(watermark);
            if (piece.Count > 0) yield return piece;
            if (large) Compact();
        }
        if (_axis == 0) yield break;
        foreach (var piece in RunMerge.Merge(run.Runs, runs, MergePieceRows)) yield return piece;
    }

    /// <summary>
    /// Returns the step's garbage (a slab's worth of large arrays) to the system before the next slab is read, so the
    /// peak is one step's working set rather than whatever the collector's large-object budget lets pile up.
    /// </summary>
    private static void Compact()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>
    /// Matches the window (a, b); keeps what may still meet an unread blob (coordinate along the axis ≥
    /// <paramref name="frontier"/>); returns the rows of the components closed, unsorted.
    /// </summary>
    private MatchRow[] Step(SlabBlobs a, SlabBlobs b, double frontier, CancellationToken ct)
    {
        var tol = run.Tolerance;
        var s = tol.Scaling;
        double scale = s[_axis];
        double limit = frontier * scale - tol.Threshold * (1 + Margin);
        int nA = a.Blobs.Length, nB = b.Blobs.Length;
        if (nA == 0 || nB == 0)
        {
            _keptA = Near(a, null, 0, limit);
            _keptB = Near(b, null, 0, limit);
            return [];
        }
        var blobs = new Blob[nA + nB];
        a.Blobs.CopyTo(blobs, 0);
        b.Blobs.CopyTo(blobs, nA);
        var globalA = Enumerable.Range(0, nA).ToArray();
        var globalB = Enumerable.Range(nA, nB).ToArray();
        var graph = new GroupGraph(blobs, globalA, globalB, Scaled(a.Blobs, s), Scaled(b.Blobs, s), tol, run.Options.BlockSizeVoxels,
            run.Options.Threads, ct);
        var comps = graph.Components;
        int groupsA = graph.GroupsA.Count;
        // compOf, by point (A points, then B points offset by nA): component, −2 open, −1 in none.
        var compOf = new int[nA + nB];
        Array.Fill(compOf, -1);
        var closed = new List<int>();
        for (int c = 0; c < comps.Count; c++)
        {
            bool open = false;
            for (int t = comps.NodeStart[c]; t < comps.NodeStart[c + 1]; t++)
            {
                int v = comps.Nodes[t];
                int offset = v < groupsA ? 0 : nA;
                // Points of a group share their scaled coordinates.
                open |= blobs[offset + graph.PointsOf(v)[0]][_axis] * scale >= limit;
            }
            if (!open) closed.Add(c);
            for (int t = comps.NodeStart[c]; t < comps.NodeStart[c + 1]; t++)
            {
                int v = comps.Nodes[t];
                int offset = v < groupsA ? 0 : nA;
                foreach (int p in graph.PointsOf(v)) compOf[offset + p] = open ? -2 : c;
            }
        }
        var rows = Solve(blobs, a, b, graph, closed, ct);
        _keptA = Near(a, compOf, 0, limit);
        _keptB = Near(b, compOf, nA, limit);
        return rows;
    }

    /// <summary>Solves the closed components; returns their rows in component order.</summary>
    private MatchRow[] Solve(Blob[] blobs, SlabBlobs a, SlabBlobs b, GroupGraph graph, List<int> closed, CancellationToken ct)
    {
        int nA = a.Blobs.Length;
        var (outA, outB) = graph.Solve(closed, run.Options.Threads, ct);
        var tol = run.Tolerance;
        var rows = new MatchRow[outA.Length];
        var idsA = run.Counter is null ? null : new int[outA.Length];
        var idsB = run.Counter is null ? null : new int[outA.Length];
        for (int r = 0; r < outA.Length; r++)
        {
            int i = outA[r], j = outB[r];
            ref readonly var p = ref blobs[i];
            ref readonly var q = ref blobs[nA + j];
            rows[r] = MatchRow.Of(p, q, tol.Distance(p.Z, p.Y, p.X, q.Z, q.Y, q.X));
            if (idsA is null) continue;
            idsA[r] = (int)a.Ids[i];
            idsB![r] = (int)b.Ids[j];
        }
        if (idsA is not null) run.Counter!.Add(pair, idsA, idsB!);
        return rows;
    }

    /// <summary>
    /// The blobs of one side to keep: those of open components (<paramref name="compOf"/> −2) and unpaired ones
    /// (−1, or every blob when <paramref name="compOf"/> is null) whose scaled coordinate along the axis reaches <paramref name="limit"/>.
    /// </summary>
    private SlabBlobs Near(SlabBlobs side, int[]? compOf, int offset, double limit)
    {
        double scale = run.Tolerance.Scaling[_axis];
        var keep = new List<int>();
        for (int i = 0; i < side.Blobs.Length; i++)
        {
            int c = compOf is null ? -1 : compOf[offset + i];
            if (c == -2 || (c == -1 && side.Blobs[i][_axis] * scale >= limit)) keep.Add(i);
        }
        return new SlabBlobs(keep.Select(i => side.Blobs[i]).ToArray(), keep.Select(i => side.Ids[i]).ToArray());
    }

    /// <summary>The kept blobs and a new slab, in input-row order.</summary>
    private static SlabBlobs Window(SlabBlobs kept, SlabBlobs slab)
    {
        int n = kept.Blobs.Length + slab.Blobs.Length;
        var blobs = new Blob[n];
        var ids = new long[n];
        kept.Blobs.CopyTo(blobs, 0);
        slab.Blobs.CopyTo(blobs, kept.Blobs.Length);
        kept.Ids.CopyTo(ids, 0);
        slab.Ids.CopyTo(ids, kept.Ids.Length);
        Array.Sort(ids, blobs);
        return new SlabBlobs(blobs, ids);
    }

    /// <summary>The pending rows with Blob1 z below <paramref name="watermark"/>, sorted; the others stay pending.</summary>
    private ArraySegment<MatchRow> Release(double watermark)
    {
        if (_pending.Count == 0) return ArraySegment<MatchRow>.Empty;
        var rows = _pending.ToArray();
        Array.Sort(rows, static (p, q) => MatchOrder.CompareRows(p, q));
        int n = 0;
        while (n < rows.Length && rows[n].Blob1.Z < watermark) n++;
        _pending.Clear();
        for (int k = n; k < rows.Length; k++) _pending.Add(rows[k]);
        return new ArraySegment<MatchRow>(rows, 0, n);
    }

    private static (double[] Z, double[] Y, double[] X) Scaled(Blob[] blobs, Geometry.Zyx s)
    {
        var z = new double[blobs.Length];
        var y = new double[blobs.Length];
        var x = new double[blobs.Length];
        for (int k = 0; k < blobs.Length; k++)
        {
            z[k] = blobs[k].Z * s.Z;
            y[k] = blobs[k].Y * s.Y;
            x[k] = blobs[k].X * s.X;
        }
        return (z, y, x);
    }
}
