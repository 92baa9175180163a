using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Matching.Magmap;

namespace Coloc.Oracle.Tests.Exact;

/// <summary>
/// An independent optimum for exact matching: admissible pairs by testing every pair (O(n²)), components by BFS, and
/// per component a dense square assignment (<see cref="LinearSumAssignment"/>) over blobs of A plus "unmatched"
/// stand-ins for B (rows) and blobs of B plus stand-ins for A (columns): pair cost = distance, inadmissible = ∞,
/// leaving a blob unmatched = U = (nA + nB + 1)·max(tol) (so one more pair always beats any distance saving),
/// stand-in to stand-in = 0.
/// </summary>
internal static class DenseOptimum
{
    public static (int Count, double Total) Of(Blob[] a, Blob[] b, Zyx tolVoxels)
    {
        var tol = new MatchTolerance(tolVoxels);
        int na = a.Length, nb = b.Length;
        var adj = new List<(int B, double D)>[na];
        var adjB = new List<int>[nb];
        for (int j = 0; j < nb; j++) adjB[j] = [];
        for (int i = 0; i < na; i++)
        {
            adj[i] = [];
            for (int j = 0; j < nb; j++)
            {
                double d = tol.Distance(a[i].Z, a[i].Y, a[i].X, b[j].Z, b[j].Y, b[j].X);
                if (d < tol.Threshold) { adj[i].Add((j, d)); adjB[j].Add(i); }
            }
        }
        var seenA = new bool[na];
        var seenB = new bool[nb];
        int count = 0;
        double total = 0;
        for (int s = 0; s < na; s++)
        {
            if (seenA[s] || adj[s].Count == 0) continue;
            var ca = new List<int>();
            var cb = new List<int>();
            var queue = new Queue<(bool IsA, int I)>();
            queue.Enqueue((true, s));
            seenA[s] = true;
            while (queue.Count > 0)
            {
                var (isA, i) = queue.Dequeue();
                if (isA)
                {
                    ca.Add(i);
                    foreach (var (j, _) in adj[i]) if (!seenB[j]) { seenB[j] = true; queue.Enqueue((false, j)); }
                }
                else
                {
                    cb.Add(i);
                    foreach (int k in adjB[i]) if (!seenA[k]) { seenA[k] = true; queue.Enqueue((true, k)); }
                }
            }
            var (c, t) = Solve(ca, cb, adj, tol.Threshold);
            count += c;
            total += t;
        }
        return (count, total);
    }

    private static (int, double) Solve(List<int> ca, List<int> cb, List<(int B, double D)>[] adj, double threshold)
    {
        int na = ca.Count, nb = cb.Count, n = na + nb;
        double u = (n + 1) * threshold;
        var cost = new double[n * n];
        Array.Fill(cost, double.PositiveInfinity);
        var colOf = new Dictionary<int, int>();
        for (int j = 0; j < nb; j++) colOf[cb[j]] = j;
        for (int i = 0; i < na; i++)
        {
            foreach (var (j, d) in adj[ca[i]]) cost[i * n + colOf[j]] = d;
            cost[i * n + nb + i] = u;
        }
        for (int j = 0; j < nb; j++)
        {
            cost[(na + j) * n + j] = u;
            for (int i = 0; i < na; i++) cost[(na + j) * n + nb + i] = 0;
        }
        var (rows, cols) = LinearSumAssignment.Solve(cost, n, n);
        int count = 0;
        double total = 0;
        for (int k = 0; k < rows.Length; k++)
            if (rows[k] < na && cols[k] < nb) { count++; total += cost[rows[k] * n + cols[k]]; }
        return (count, total);
    }
}
