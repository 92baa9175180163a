using Coloc.Core.Blobs;
using Coloc.Core.Geometry;

namespace Coloc.TestKit;

/// <summary>
/// The oracle harness's accuracy measure: planted spots and detections of one channel paired one-to-one, nearest
/// first (globally smallest physical distance first, ties by truth then detection index), within a physical distance
/// (µm) given by the caller (the harness uses max(3 µm, z resolution)).
/// </summary>
public static class TruthPairing
{
    /// <summary>Number of pairs between <paramref name="truthZyx"/> (voxels) and <paramref name="detected"/> blobs.</summary>
    public static int Paired(IReadOnlyList<Zyx> truthZyx, IReadOnlyList<Blob> detected, Zyx resolutionUm, double tolUm)
    {
        var cand = new List<(double D, int T, int B)>();
        for (int t = 0; t < truthZyx.Count; t++)
            for (int b = 0; b < detected.Count; b++)
            {
                var d = (truthZyx[t] - detected[b].Center) * resolutionUm;
                double dist = Math.Sqrt(d.Z * d.Z + d.Y * d.Y + d.X * d.X);
                if (dist <= tolUm) cand.Add((dist, t, b));
            }
        cand.Sort();
        var usedT = new bool[truthZyx.Count];
        var usedB = new bool[detected.Count];
        int n = 0;
        foreach (var (_, t, b) in cand)
        {
            if (usedT[t] || usedB[b]) continue;
            usedT[t] = usedB[b] = true;
            n++;
        }
        return n;
    }
}
