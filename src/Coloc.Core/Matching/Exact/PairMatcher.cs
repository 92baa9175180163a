using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;

namespace Coloc.Core.Matching.Exact;

/// <summary>
/// Exact matching of one channel pair: the <see cref="GroupGraph"/> of the pair (coincident points grouped, candidate
/// pairs from the grid, components by union-find), every component solved exactly (in parallel), matches returned as
/// global blob indices in output order.
/// </summary>
internal static class PairMatcher
{
    /// <summary>Matches blobs <c>blobs[globalA[i]]</c> with <c>blobs[globalB[j]]</c>; <paramref name="groupCoincident"/> false solves point by point (the ungrouped solver, for comparisons).</summary>
    public static (int[] A, int[] B) Match(
        Blob[] blobs, int[] globalA, int[] globalB, MatchTolerance tol, ExactMatchOptions options, CancellationToken ct,
        bool groupCoincident = true)
    {
        if (globalA.Length == 0 || globalB.Length == 0) return ([], []);
        var graph = new GroupGraph(blobs, globalA, globalB, Scaled(blobs, globalA, tol.Scaling), Scaled(blobs, globalB, tol.Scaling),
            tol, options.BlockSizeVoxels, options.Threads, ct, groupCoincident);
        var (ma, mb) = graph.Solve(null, options.Threads, ct);
        for (int k = 0; k < ma.Length; k++)
        {
            ma[k] = globalA[ma[k]];
            mb[k] = globalB[mb[k]];
        }
        MatchOrder.Sort(blobs, ma, mb, options.Threads);
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
