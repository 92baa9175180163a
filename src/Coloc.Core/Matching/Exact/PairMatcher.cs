using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;

namespace Coloc.Core.Matching.Exact;

/// <summary>
/// Exact matching of one channel pair: candidate pairs from the grid, connected components by union-find, each
/// component solved exactly (in parallel), matches returned as global blob indices in output order.
/// </summary>
internal static class PairMatcher
{
    public static (int[] A, int[] B) Match(
        Blob[] blobs, int[] globalA, int[] globalB, MatchTolerance tol, ExactMatchOptions options, CancellationToken ct)
    {
        if (globalA.Length == 0 || globalB.Length == 0) return ([], []);
        var a = Scaled(blobs, globalA, tol.Scaling);
        var b = Scaled(blobs, globalB, tol.Scaling);
        var edges = CandidateSearch.Find(a, b, tol.Threshold, tol.Scaling, options.BlockSizeVoxels, options.Threads, ct);
        var comps = new ComponentSet(globalA.Length, globalB.Length, edges);
        // Room for each component's largest possible matching: min(nodes on A, nodes on B) ≤ edges.
        var slot = new int[comps.Count + 1];
        for (int c = 0; c < comps.Count; c++)
        {
            int nodes = comps.NodeStart[c + 1] - comps.NodeStart[c];
            slot[c + 1] = slot[c] + Math.Min(nodes / 2, comps.EdgeStart[c + 1] - comps.EdgeStart[c]);
        }
        var outA = new int[slot[comps.Count]];
        var outB = new int[slot[comps.Count]];
        var got = new int[comps.Count];
        var position = new int[globalA.Length + globalB.Length];
        int threads = options.Threads;
        const int Batch = 4096;
        int batches = (comps.Count + Batch - 1) / Batch;
        Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct },
            () => new ComponentSolver(blobs, globalA, globalB, edges, comps) { Position = position },
            (k, _, solver) =>
            {
                int end = Math.Min(comps.Count, (k + 1) * Batch);
                for (int c = k * Batch; c < end; c++)
                    got[c] = solver.Solve(c, outA.AsSpan(slot[c]), outB.AsSpan(slot[c]));
                return solver;
            },
            _ => { });
        int total = 0;
        foreach (int g in got) total += g;
        var ma = new int[total];
        var mb = new int[total];
        int o = 0;
        for (int c = 0; c < comps.Count; c++)
            for (int k = 0; k < got[c]; k++, o++)
            {
                ma[o] = globalA[outA[slot[c] + k]];
                mb[o] = globalB[outB[slot[c] + k]];
            }
        MatchOrder.Sort(blobs, ma, mb, threads);
        return (ma, mb);
    }

    private static (double[] Z, double[] Y, double[] X) Scaled(Blob[] blobs, int[] idx, Zyx s)
    {
        var z = new double[idx.Length];
        var y = new double[idx.Length];
        var x = new double[idx.Length];
        for (int k = 0; k < idx.Length; k++)
        {
            ref readonly var bl = ref blobs[idx[k]];
            z[k] = bl.Z * s.Z;
            y[k] = bl.Y * s.Y;
            x[k] = bl.X * s.X;
        }
        return (z, y, x);
    }
}
