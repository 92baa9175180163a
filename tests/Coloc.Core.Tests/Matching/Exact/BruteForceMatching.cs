using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;

namespace Coloc.Core.Tests.Matching.Exact;

/// <summary>
/// The lexicographic optimum by enumerating every one-to-one matching of admissible pairs (small inputs only):
/// the largest pair count, then the smallest total distance (summed in double).
/// </summary>
internal static class BruteForceMatching
{
    public static (int Count, double Total) Optimum(Blob[] a, Blob[] b, Zyx tolVoxels)
    {
        var tol = new MatchTolerance(tolVoxels);
        var d = new double[a.Length, b.Length];
        for (int i = 0; i < a.Length; i++)
            for (int j = 0; j < b.Length; j++)
                d[i, j] = tol.Distance(a[i].Z, a[i].Y, a[i].X, b[j].Z, b[j].Y, b[j].X);
        var used = new bool[b.Length];
        (int Count, double Total) best = (0, 0);
        void Go(int i, int count, double total)
        {
            if (i == a.Length)
            {
                if (count > best.Count || (count == best.Count && total < best.Total)) best = (count, total);
                return;
            }
            Go(i + 1, count, total);
            for (int j = 0; j < b.Length; j++)
            {
                if (used[j] || !(d[i, j] < tol.Threshold)) continue;
                used[j] = true;
                Go(i + 1, count + 1, total + d[i, j]);
                used[j] = false;
            }
        }
        Go(0, 0, 0);
        return best;
    }
}
