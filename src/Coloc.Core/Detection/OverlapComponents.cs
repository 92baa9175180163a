namespace Coloc.Core.Detection;

/// <summary>
/// Connected components of the overlap graph of LoG peaks: two peaks are joined when their spheres overlap by more
/// than the pruning threshold (<see cref="OverlapPruner.BlobOverlap"/> with their own sigmas). Overlap pruning only
/// ever compares joined peaks, so each component is pruned independently of the others.
/// </summary>
internal static class OverlapComponents
{
    /// <summary>A component id per peak: equal ids for peaks of one component, different ids otherwise.</summary>
    /// <param name="peaks">The peaks (any order).</param>
    /// <param name="overlap">Pruning threshold (profile <c>overlap</c>).</param>
    /// <param name="maxDistance">Distance beyond which no two peaks can overlap (<c>2·√3·σ_max</c>), voxels.</param>
    public static int[] Of(IReadOnlyList<LogPeak> peaks, double overlap, double maxDistance)
    {
        int n = peaks.Count;
        var sets = new DisjointSets(n);
        var cells = new PeakCells(peaks, maxDistance);
        var near = new List<int>();
        for (int i = 0; i < n; i++)
        {
            near.Clear();
            cells.LaterCandidates(i, near);
            foreach (int j in near)
                if (OverlapPruner.BlobOverlap(peaks[i], peaks[i].Sigma, peaks[j], peaks[j].Sigma) > overlap) sets.Union(i, j);
        }
        var id = new int[n];
        for (int i = 0; i < n; i++) id[i] = sets.Find(i);
        return id;
    }
}
