using Coloc.Core.Detection;

namespace Coloc.Core.Detection;

/// <summary>
/// Connected components of the overlap graph of LoG peaks: two peaks are joined when their spheres overlap by more
/// than the pruning threshold (<see cref="OverlapPruner.BlobOverlap"/> with their own sigmas). Overlap pruning only
/// ever compares joined peaks, so each component is pruned independently of the others.
/// </summary>
internal static class OverlapComponents
{
    /// <summary>A component id per peak (the smallest peak index of its component).</summary>
    /// <param name="peaks">The peaks (any order).</param>
    /// <param name="overlap">Pruning threshold (profile <c>overlap</c>).</param>
    /// <param name="maxDistance">Distance beyond which no two peaks can overlap (<c>2·√3·σ_max</c>), voxels.</param>
    public static int[] Of(IReadOnlyList<LogPeak> peaks, double overlap, double maxDistance)
    {
        int n = peaks.Count;
        var parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        double cell = Math.Max(maxDistance, 1e-9);
        var grid = new Dictionary<(long, long, long), List<int>>();
        for (int i = 0; i < n; i++)
        {
            var key = Cell(peaks[i], cell);
            if (!grid.TryGetValue(key, out var l)) grid[key] = l = [];
            l.Add(i);
        }
        for (int i = 0; i < n; i++)
        {
            var (cz, cy, cx) = Cell(peaks[i], cell);
            for (long a = cz - 1; a <= cz + 1; a++)
                for (long b = cy - 1; b <= cy + 1; b++)
                    for (long c = cx - 1; c <= cx + 1; c++)
                        if (grid.TryGetValue((a, b, c), out var l))
                            foreach (int j in l)
                                if (j > i && OverlapPruner.BlobOverlap(peaks[i], peaks[i].Sigma, peaks[j], peaks[j].Sigma) > overlap)
                                    Union(parent, i, j);
        }
        var id = new int[n];
        for (int i = 0; i < n; i++) id[i] = Find(parent, i);
        return id;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        int ra = Find(parent, a), rb = Find(parent, b);
        if (ra < rb) parent[rb] = ra;
        else if (rb < ra) parent[ra] = rb;
    }

    private static (long, long, long) Cell(LogPeak p, double cell) =>
        ((long)Math.Floor(p.Z / cell), (long)Math.Floor(p.Y / cell), (long)Math.Floor(p.X / cell));
}
