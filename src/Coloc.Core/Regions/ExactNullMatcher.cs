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
/// Points without an admissible pair are dropped before grouping (they are isolated nodes there), so a draw allocates
/// in proportion to the points with a pair, not to channel a.
/// </summary>
internal sealed class ExactNullMatcher
{
    private readonly Blob[] _a;
    private readonly int[] _regionOfA;
    private readonly MatchTolerance _tol;
    private readonly (double[] Z, double[] Y, double[] X) _scaledA;
    private readonly CandidateGrid _grid;
    private readonly CoincidentGroups _groupsA;

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
        _groupsA = CoincidentGroups.Of(_scaledA);
        _grid = new CandidateGrid(_groupsA.Coords.Z, _groupsA.Coords.Y, _groupsA.Coords.X, _tol.Threshold);
    }

    /// <summary>
    /// Scratch of one thread: the matched array (channel a, then the draw of channel b, <see cref="Blobs"/>) and
    /// buffers reused from draw to draw.
    /// </summary>
    public sealed class Worker
    {
        internal Worker(ExactNullMatcher m, int bCount)
        {
            Blobs = new Blob[m._a.Length + bCount];
            m._a.CopyTo(Blobs, 0);
            HasPair = new ulong[(m._groupsA.Count + 63) / 64];
            CompactA = new int[m._groupsA.Count];
        }

        /// <summary>Channel a's blobs followed by channel b's draw (the caller writes the draw after channel a).</summary>
        public Blob[] Blobs { get; }

        /// <summary>One bit per channel-a group: has an admissible pair in the current draw.</summary>
        internal ulong[] HasPair { get; }

        /// <summary>The draw's id of each channel-a group with a pair (other entries are stale).</summary>
        internal int[] CompactA { get; }

        internal int[] Touched = [], TouchedEdges = [0], EdgeA = [], OutA = [], OutB = [];
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

        // The points with a pair, grouped as ExactColocalizer groups all points (the others are isolated nodes there):
        // the same groups in the same (z, y, x) order, so the components and their canonical order are the same.
        var (groupsA, globalA, compactA) = PairedGroupsA(w);
        var (groupsB, globalB) = PairedGroupsB(w, na, touched);
        var repA = Representatives(groupsA, globalA);
        var repB = Representatives(groupsB, globalB);
        // One edge per (a group, b group): the pairs of each b group's first member (its members have the same pairs).
        int m = 0;
        for (int g = 0; g < groupsB.Count; g++)
        {
            int first = groupsB.Members[groupsB.Start[g]];
            m += w.TouchedEdges[first + 1] - w.TouchedEdges[first];
        }
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
                ea[o] = compactA[w.EdgeA[e]];
                eb[o] = g;
                ec[o] = scale.Quantize(w.EdgeD[e]);
            }
        }
        var edges = new CandidateEdges(ea, eb, ec);
        var comps = new ComponentSet(groupsA.Count, groupsB.Count, edges);
        var position = new int[groupsA.Count + groupsB.Count];
        var single = new ComponentSolver(w.Blobs, repA, repB, edges, comps) { Position = position };
        var grouped = new GroupedComponentSolver(w.Blobs, globalA, globalB, groupsA, groupsB, edges, comps) { Position = position };
        for (int c = 0; c < comps.Count; c++)
        {
            int pa = 0, pb = 0;
            for (int t = comps.NodeStart[c]; t < comps.NodeStart[c + 1]; t++)
            {
                int v = comps.Nodes[t];
                if (v < groupsA.Count) pa += groupsA.Size(v);
                else pb += groupsB.Size(v - groupsA.Count);
            }
            Grow(ref w.OutA, Math.Min(pa, pb));
            Grow(ref w.OutB, Math.Min(pa, pb));
            bool coincident = grouped.HasCoincident(c);
            int got = coincident ? grouped.Solve(c, w.OutA, w.OutB) : single.Solve(c, w.OutA, w.OutB);
            for (int k = 0; k < got; k++)
            {
                int a = globalA[coincident ? w.OutA[k] : groupsA.Members[groupsA.Start[w.OutA[k]]]];
                int row = _regionOfA[a];
                if (row >= 0) counts[row]++;
            }
        }
        return counts;
    }

    /// <summary>
    /// The channel-a groups with a pair in this draw, regrouped from their members (ascending group, then blob index),
    /// which gives them in the same order; the blob index of each point; and the new id of every old group with a pair
    /// (<see cref="Worker.CompactA"/>). Clears <see cref="Worker.HasPair"/>.
    /// </summary>
    private (CoincidentGroups Groups, int[] Global, int[] Compact) PairedGroupsA(Worker w)
    {
        var bits = w.HasPair;
        int groups = 0, points = 0;
        for (int k = 0; k < bits.Length; k++)
            for (ulong word = bits[k]; word != 0; word &= word - 1)
            {
                int g = k * 64 + System.Numerics.BitOperations.TrailingZeroCount(word);
                groups++;
                points += _groupsA.Size(g);
            }
        var compact = w.CompactA;
        var global = new int[points];
        var (z, y, x) = (new double[points], new double[points], new double[points]);
        int n = 0, id = 0;
        for (int k = 0; k < bits.Length; k++)
        {
            for (ulong word = bits[k]; word != 0; word &= word - 1)
            {
                int g = k * 64 + System.Numerics.BitOperations.TrailingZeroCount(word);
                compact[g] = id++;
                for (int t = _groupsA.Start[g]; t < _groupsA.Start[g + 1]; t++, n++)
                {
                    int i = _groupsA.Members[t];
                    (global[n], z[n], y[n], x[n]) = (i, _scaledA.Z[i], _scaledA.Y[i], _scaledA.X[i]);
                }
            }
            bits[k] = 0;
        }
        return (CoincidentGroups.Of((z, y, x)), global, compact);
    }

    /// <summary>The channel-b points with a pair (<see cref="Worker.Touched"/>), grouped, and their indices in the matched array.</summary>
    private (CoincidentGroups Groups, int[] Global) PairedGroupsB(Worker w, int na, int touched)
    {
        var s = _tol.Scaling;
        var (z, y, x) = (new double[touched], new double[touched], new double[touched]);
        var global = new int[touched];
        for (int t = 0; t < touched; t++)
        {
            ref readonly var blob = ref w.Blobs[na + w.Touched[t]];
            (z[t], y[t], x[t]) = (blob.Z * s.Z, blob.Y * s.Y, blob.X * s.X);
            global[t] = na + w.Touched[t];
        }
        return (CoincidentGroups.Of((z, y, x)), global);
    }

    /// <summary>Each group's first member, as an index in the matched array (the one-point solver's view of a group).</summary>
    private static int[] Representatives(CoincidentGroups groups, int[] global)
    {
        var rep = new int[groups.Count];
        for (int g = 0; g < rep.Length; g++) rep[g] = global[groups.Members[groups.Start[g]]];
        return rep;
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
                    w.HasPair[index[p] >> 6] |= 1UL << index[p];
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
