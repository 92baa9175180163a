using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Matching.Exact;

namespace Coloc.Core.Regions;

/// <summary>
/// Exact rematching of the null model's draws, counting matches per region instead of writing them: channel a never
/// moves, so its coincident groups and a candidate grid over them are built once, and each draw of channel b only
/// queries that grid. The matched channel-a blobs are those <see cref="ExactColocalizer"/> picks on channel a followed
/// by the drawn channel b (the same blob array): the same coincident groups, the same admissible pairs with the same
/// distances (a difference and its negation square alike) and quantized costs, the same components and the same
/// component solvers on the same canonical order (<see cref="BlobOrder"/>, by index in that array on ties).
/// Channel-b points without an admissible pair are dropped before grouping (they are isolated nodes there).
/// </summary>
internal sealed class ExactNullMatcher
{
    private readonly Blob[] _a;
    private readonly int[] _regionOfA;
    private readonly MatchTolerance _tol;
    private readonly (double[] Z, double[] Y, double[] X) _scaledA;
    private readonly CandidateGrid _grid;
    private readonly int _groupCountA;

    /// <summary>Prepares channel <paramref name="a"/> (fixed) with the region row of each of its blobs (−1: outside the labels).</summary>
    /// <param name="a">Channel a's blobs, in the order they take at the start of every matched array.</param>
    /// <param name="regionOfA">Region row of each blob of <paramref name="a"/>, −1 for none.</param>
    /// <param name="tolVoxels">The tolerance of the exact matches, voxels z,y,x.</param>
    public ExactNullMatcher(Blob[] a, int[] regionOfA, Zyx tolVoxels)
    {
        _a = a;
        _regionOfA = regionOfA;
        _tol = new MatchTolerance(tolVoxels);
        var s = _tol.Scaling;
        var z = new double[a.Length];
        var y = new double[a.Length];
        var x = new double[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            if (!double.IsFinite(a[i].Z) || !double.IsFinite(a[i].Y) || !double.IsFinite(a[i].X))
                throw new ArgumentException($"blob {i} has a coordinate that is not finite ({a[i].Z},{a[i].Y},{a[i].X})");
            z[i] = a[i].Z * s.Z;
            y[i] = a[i].Y * s.Y;
            x[i] = a[i].X * s.X;
        }
        _scaledA = (z, y, x);
        var groups = CoincidentGroups.Of(_scaledA);
        _groupCountA = groups.Count;
        _grid = new CandidateGrid(groups.Coords.Z, groups.Coords.Y, groups.Coords.X, _tol.Threshold);
    }

    /// <summary>
    /// Scratch of one thread: the matched array (channel a, then the draw of channel b, <see cref="Blobs"/>) and
    /// buffers reused from draw to draw. Channel a's groups are the worker's own: the grouped solver sorts their members.
    /// </summary>
    public sealed class Worker
    {
        internal Worker(ExactNullMatcher m, int bCount)
        {
            Blobs = new Blob[m._a.Length + bCount];
            m._a.CopyTo(Blobs, 0);
            GroupsA = CoincidentGroups.Of(m._scaledA);
            RepA = new int[GroupsA.Count];
            for (int g = 0; g < RepA.Length; g++) RepA[g] = GroupsA.Members[GroupsA.Start[g]];
            GlobalA = Enumerable.Range(0, m._a.Length).ToArray();
        }

        /// <summary>Channel a's blobs followed by channel b's draw (the caller writes the draw after channel a).</summary>
        public Blob[] Blobs { get; }

        internal CoincidentGroups GroupsA { get; }
        internal int[] RepA { get; }
        internal int[] GlobalA { get; }
        internal int[] Touched = [], TouchedEdges = [0], EdgeA = [], Position = [], OutA = [], OutB = [];
        internal double[] EdgeD = [];
    }

    /// <summary>A worker for draws of <paramref name="bCount"/> channel-b blobs.</summary>
    public Worker NewWorker(int bCount) => new(this, bCount);

    /// <summary>Matches per region row of the draw in <paramref name="w"/>.<see cref="Worker.Blobs"/>, each counted at its channel-a blob.</summary>
    public long[] Count(Worker w, int regionRows)
    {
        int na = _a.Length, nb = w.Blobs.Length - na;
        var counts = new long[regionRows];
        int touched = FindPairs(w, na, nb);
        if (touched == 0) return counts;

        // Channel-b points with a pair, grouped as ExactColocalizer groups all of them (the others are isolated).
        var tz = new double[touched];
        var ty = new double[touched];
        var tx = new double[touched];
        var s = _tol.Scaling;
        var globalB = new int[touched];
        for (int t = 0; t < touched; t++)
        {
            ref readonly var blob = ref w.Blobs[na + w.Touched[t]];
            tz[t] = blob.Z * s.Z;
            ty[t] = blob.Y * s.Y;
            tx[t] = blob.X * s.X;
            globalB[t] = na + w.Touched[t];
        }
        var groupsB = CoincidentGroups.Of((tz, ty, tx));
        var repB = new int[groupsB.Count];
        int m = 0;
        for (int g = 0; g < groupsB.Count; g++)
        {
            int first = groupsB.Members[groupsB.Start[g]];
            repB[g] = globalB[first];
            m += w.TouchedEdges[first + 1] - w.TouchedEdges[first];
        }
        // One edge per (a group, b group): the pairs of each b group's first member (its members have the same pairs).
        var ea = new int[m];
        var eb = new int[m];
        var ec = new long[m];
        var scale = new CostScale(_tol.Threshold);
        int o = 0;
        for (int g = 0; g < groupsB.Count; g++)
        {
            int first = groupsB.Members[groupsB.Start[g]];
            for (int e = w.TouchedEdges[first]; e < w.TouchedEdges[first + 1]; e++, o++)
            {
                ea[o] = w.EdgeA[e];
                eb[o] = g;
                ec[o] = scale.Quantize(w.EdgeD[e]);
            }
        }
        var edges = new CandidateEdges(ea, eb, ec);
        var comps = new ComponentSet(_groupCountA, groupsB.Count, edges);
        Grow(ref w.Position, _groupCountA + groupsB.Count);
        var single = new ComponentSolver(w.Blobs, w.RepA, repB, edges, comps) { Position = w.Position };
        var grouped = new GroupedComponentSolver(w.Blobs, w.GlobalA, globalB, w.GroupsA, groupsB, edges, comps) { Position = w.Position };
        var groupsA = w.GroupsA;
        for (int c = 0; c < comps.Count; c++)
        {
            int pa = 0, pb = 0;
            for (int t = comps.NodeStart[c]; t < comps.NodeStart[c + 1]; t++)
            {
                int v = comps.Nodes[t];
                if (v < _groupCountA) pa += groupsA.Size(v);
                else pb += groupsB.Size(v - _groupCountA);
            }
            Grow(ref w.OutA, Math.Min(pa, pb));
            Grow(ref w.OutB, Math.Min(pa, pb));
            bool coincident = grouped.HasCoincident(c);
            int got = coincident ? grouped.Solve(c, w.OutA, w.OutB) : single.Solve(c, w.OutA, w.OutB);
            for (int k = 0; k < got; k++)
            {
                int a = coincident ? w.OutA[k] : groupsA.Members[groupsA.Start[w.OutA[k]]];
                int row = _regionOfA[a];
                if (row >= 0) counts[row]++;
            }
        }
        return counts;
    }

    /// <summary>
    /// Every admissible (channel-a group, channel-b point) pair of the draw, b point by b point; the b points with at
    /// least one are listed in <see cref="Worker.Touched"/> (ascending), their pairs from <see cref="Worker.TouchedEdges"/>.
    /// </summary>
    private int FindPairs(Worker w, int na, int nb)
    {
        var s = _tol.Scaling;
        double threshold = _tol.Threshold, win = threshold * (1 + 1e-9);
        Span<int> ptr = stackalloc int[9];
        Span<int> end = stackalloc int[9];
        var gx = _grid.X;
        var gz = _grid.SortedZ;
        var gy = _grid.SortedY;
        var index = _grid.Index;
        int edges = 0, touched = 0;
        for (int j = 0; j < nb; j++)
        {
            ref readonly var blob = ref w.Blobs[na + j];
            double qz = blob.Z * s.Z, qy = blob.Y * s.Y, qx = blob.X * s.X, hi = qx + win;
            int row = _grid.QueryRow(qz, qy);
            if (row < 0) continue;
            int rows = _grid.NeighbourRows(row, qx - win, ptr, end);
            int first = edges;
            for (int r = 0; r < rows; r++)
                for (int p = ptr[r], e = end[r]; p < e && gx[p] <= hi; p++)
                {
                    double d = MatchTolerance.Norm(qz - gz[p], qy - gy[p], qx - gx[p]);
                    if (!(d < threshold)) continue;
                    if (edges == w.EdgeA.Length)
                    {
                        Array.Resize(ref w.EdgeA, Math.Max(1024, 2 * edges));
                        Array.Resize(ref w.EdgeD, w.EdgeA.Length);
                    }
                    w.EdgeA[edges] = index[p];
                    w.EdgeD[edges++] = d;
                }
            if (edges == first) continue;
            if (touched == w.Touched.Length)
            {
                Array.Resize(ref w.Touched, Math.Max(1024, 2 * touched));
                Array.Resize(ref w.TouchedEdges, w.Touched.Length + 1);
            }
            w.Touched[touched] = j;
            w.TouchedEdges[++touched] = edges;
        }
        return touched;
    }

    private static void Grow(ref int[] a, int n)
    {
        if (a.Length < n) a = new int[Math.Max(n, 2 * a.Length)];
    }
}
