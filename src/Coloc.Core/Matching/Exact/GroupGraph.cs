using Coloc.Core.Blobs;
using Coloc.Core.Geometry;

namespace Coloc.Core.Matching.Exact;

/// <summary>
/// The candidate graph of one channel pair on <see cref="CoincidentGroups"/>: points of each side grouped by equal
/// scaled coordinates, admissible pairs of groups from <see cref="CandidateSearch"/>, connected components by
/// union-find. <see cref="Solve"/> solves components exactly and in parallel: by <see cref="GroupedComponentSolver"/>
/// when a group of the component has several points, else by <see cref="ComponentSolver"/> (the two agree there), so
/// n coincident points per side cost one edge, not n².
/// </summary>
internal sealed class GroupGraph
{
    private readonly Blob[] _blobs;
    private readonly int[] _globalA, _globalB, _repA, _repB;
    private readonly CandidateEdges _edges;

    /// <summary>
    /// Builds the graph of side-A points <paramref name="a"/> (blobs <c>blobs[globalA[i]]</c>) and side-B points
    /// <paramref name="b"/> (scaled coordinates; points of a side are its local indices); with
    /// <paramref name="group"/> false, one group per point (the ungrouped solver, for comparisons).
    /// </summary>
    public GroupGraph(Blob[] blobs, int[] globalA, int[] globalB, (double[] Z, double[] Y, double[] X) a, (double[] Z, double[] Y, double[] X) b,
        MatchTolerance tol, ZyxInt? blockSizeVoxels, int threads, CancellationToken ct, bool group = true)
    {
        _blobs = blobs;
        _globalA = globalA;
        _globalB = globalB;
        GroupsA = group ? CoincidentGroups.Of(a) : CoincidentGroups.Singles(a);
        GroupsB = group ? CoincidentGroups.Of(b) : CoincidentGroups.Singles(b);
        // The one-point solver sees each group as its first point.
        _repA = Representatives(globalA, GroupsA);
        _repB = Representatives(globalB, GroupsB);
        _edges = CandidateSearch.Find(GroupsA.Coords, GroupsB.Coords, tol.Threshold, tol.Scaling, blockSizeVoxels, threads, ct);
        Components = new ComponentSet(GroupsA.Count, GroupsB.Count, _edges);
    }

    /// <summary>The side-A groups (nodes 0..GroupsA.Count−1).</summary>
    public CoincidentGroups GroupsA { get; }

    /// <summary>The side-B groups (nodes offset by GroupsA.Count).</summary>
    public CoincidentGroups GroupsB { get; }

    /// <summary>The components of the group graph.</summary>
    public ComponentSet Components { get; }

    /// <summary>The points (local indices) of group node <paramref name="v"/>.</summary>
    public ReadOnlySpan<int> PointsOf(int v) => v < GroupsA.Count
        ? GroupsA.Members.AsSpan(GroupsA.Start[v], GroupsA.Size(v))
        : GroupsB.Members.AsSpan(GroupsB.Start[v - GroupsA.Count], GroupsB.Size(v - GroupsA.Count));

    /// <summary>
    /// Solves components <paramref name="which"/> (every component when null); returns the matched pairs as local
    /// point indices (side A, side B), components in the order given.
    /// </summary>
    public (int[] A, int[] B) Solve(IReadOnlyList<int>? which, int threads, CancellationToken ct)
    {
        var comps = Components;
        int n = which?.Count ?? comps.Count;
        // Room for each component's largest possible matching: min(points on A, points on B).
        var slot = new int[n + 1];
        for (int k = 0; k < n; k++)
        {
            int c = which?[k] ?? k, pa = 0, pb = 0;
            for (int t = comps.NodeStart[c]; t < comps.NodeStart[c + 1]; t++)
            {
                int v = comps.Nodes[t];
                if (v < GroupsA.Count) pa += GroupsA.Size(v);
                else pb += GroupsB.Size(v - GroupsA.Count);
            }
            slot[k + 1] = slot[k] + Math.Min(pa, pb);
        }
        var outA = new int[slot[n]];
        var outB = new int[slot[n]];
        var got = new int[n];
        var position = new int[GroupsA.Count + GroupsB.Count];
        const int Batch = 4096;
        Parallel.For(0, (n + Batch - 1) / Batch, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct },
            () => (Single: new ComponentSolver(_blobs, _repA, _repB, _edges, comps) { Position = position },
                   Grouped: new GroupedComponentSolver(_blobs, _globalA, _globalB, GroupsA, GroupsB, _edges, comps) { Position = position }),
            (j, _, solver) =>
            {
                int end = Math.Min(n, (j + 1) * Batch);
                for (int k = j * Batch; k < end; k++)
                {
                    int c = which?[k] ?? k;
                    var oa = outA.AsSpan(slot[k]);
                    var ob = outB.AsSpan(slot[k]);
                    if (solver.Grouped.HasCoincident(c))
                    {
                        got[k] = solver.Grouped.Solve(c, oa, ob);
                        continue;
                    }
                    got[k] = solver.Single.Solve(c, oa, ob);
                    for (int t = 0; t < got[k]; t++)
                    {
                        oa[t] = GroupsA.Members[GroupsA.Start[oa[t]]];
                        ob[t] = GroupsB.Members[GroupsB.Start[ob[t]]];
                    }
                }
                return solver;
            },
            _ => { });
        int total = 0;
        foreach (int g in got) total += g;
        var ma = new int[total];
        var mb = new int[total];
        int o = 0;
        for (int k = 0; k < n; k++)
        {
            Array.Copy(outA, slot[k], ma, o, got[k]);
            Array.Copy(outB, slot[k], mb, o, got[k]);
            o += got[k];
        }
        return (ma, mb);
    }

    private static int[] Representatives(int[] global, CoincidentGroups groups)
    {
        var rep = new int[groups.Count];
        for (int g = 0; g < groups.Count; g++) rep[g] = global[groups.Members[groups.Start[g]]];
        return rep;
    }
}
