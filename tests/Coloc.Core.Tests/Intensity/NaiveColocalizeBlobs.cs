using Coloc.Core.Blobs;
using Coloc.Core.Geometry;

namespace Coloc.Core.Tests.Intensity;

/// <summary>
/// A literal transcription of MagellanMapper's colocalize_blobs for tests: whole label volumes, a max filter over the
/// 33-voxel ball, boolean-mask means in row-major order with a plain double sum (exact for the integer test data).
/// </summary>
internal static class NaiveColocalizeBlobs
{
    internal sealed record Output(bool[] InRoi, byte[,] Flags, double?[] Thresholds);

    internal static Output Run(ZyxInt shape, double[][] image, Blob[] blobs, double? percentile)
    {
        int nc = image.Length;
        var inRoi = blobs.Select(b => b.Z >= 0 && b.Z < shape.Z && b.Y >= 0 && b.Y < shape.Y && b.X >= 0 && b.X < shape.X).ToArray();
        var idx = Enumerable.Range(0, blobs.Length).Where(i => inRoi[i]).ToArray();   // B, in order
        var labels = new int[nc][];
        var thresholds = new double?[nc];
        var means = new Dictionary<(int blob, int other), double>();
        for (int c = 0; c < nc; c++)
        {
            var point = Enumerable.Repeat(-1, (int)shape.Volume).ToArray();
            for (int bi = 0; bi < idx.Length; bi++)
            {
                var b = blobs[idx[bi]];
                if ((int)b.Channel == c) point[Index(shape, (int)b.Z, (int)b.Y, (int)b.X)] = bi;
            }
            var lab = new int[point.Length];
            for (int z = 0; z < shape.Z; z++)
            for (int y = 0; y < shape.Y; y++)
            for (int x = 0; x < shape.X; x++)
            {
                int best = -1;
                for (int dz = -2; dz <= 2; dz++)
                for (int dy = -2; dy <= 2; dy++)
                for (int dx = -2; dx <= 2; dx++)
                {
                    if (dz * dz + dy * dy + dx * dx > 4) continue;
                    int zz = z + dz, yy = y + dy, xx = x + dx;
                    if (zz < 0 || yy < 0 || xx < 0 || zz >= shape.Z || yy >= shape.Y || xx >= shape.X) continue;
                    best = Math.Max(best, point[Index(shape, zz, yy, xx)]);
                }
                lab[Index(shape, z, y, x)] = best;
            }
            labels[c] = lab;
        }
        var channels = idx.Select(i => (int)blobs[i].Channel).Distinct().Order().ToArray();
        double Mean(int c, int bi, int o)
        {
            double s = 0; int n = 0;
            for (int v = 0; v < labels[c].Length; v++)
                if (labels[c][v] == bi) { s += image[o][v]; n++; }
            return n == 0 ? double.NaN : s / n;
        }
        foreach (int c in channels)
        {
            var mine = Enumerable.Range(0, idx.Length).Where(bi => (int)blobs[idx[bi]].Channel == c).ToArray();
            if (percentile is { } p)
            {
                var vals = Enumerable.Range(0, labels[c].Length).Where(v => labels[c][v] >= 0).Select(v => image[c][v]).Order().ToArray();
                double h = (vals.Length - 1) * (p / 100);
                int lo = (int)Math.Floor(h);
                thresholds[c] = lo + 1 < vals.Length ? vals[lo] + (vals[lo + 1] - vals[lo]) * (h - lo) : vals[^1];
            }
            else
            {
                var ms = mine.Select(bi => Mean(c, bi, c)).ToArray();
                thresholds[c] = ms.Any(double.IsNaN) ? double.NaN : ms.Min();
            }
        }
        var flags = new byte[blobs.Length, nc];
        foreach (int c in channels)
        foreach (int o in channels)
        for (int bi = 0; bi < idx.Length; bi++)
            if ((int)blobs[idx[bi]].Channel == c && Mean(c, bi, o) >= thresholds[o]) flags[idx[bi], o] = 1;
        return new Output(inRoi, flags, thresholds);
    }

    private static int Index(ZyxInt s, int z, int y, int x) => (z * s.Y + y) * s.X + x;
}
