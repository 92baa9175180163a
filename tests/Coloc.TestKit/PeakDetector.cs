using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Pipeline;
using Coloc.Core.Matching.Magmap;
using Coloc.Core.Detection;

namespace Coloc.TestKit;

/// <summary>
/// A small deterministic detector for pipeline tests (not LoG): 3×3×3 box mean (over the voxels inside the image),
/// peaks = voxels whose mean is ≥ <see cref="Threshold"/> and beats every 26-neighbour (ties: the earlier voxel in
/// z,y,x order wins), then a peak is dropped when a stronger peak (ties: earlier) lies within 3 voxels (Chebyshev).
/// Its exact context radius is 6 voxels: box 1 + neighbours 1 + pruning 3, plus 1 spare.
/// </summary>
public sealed class PeakDetector : IBlobDetector<ushort>
{
    /// <summary>Minimum box mean of a peak.</summary>
    public double Threshold { get; init; } = 300;

    /// <summary>Image margin read around a box: 6 on every axis; tests may claim less to show that a short margin breaks block invariance.</summary>
    public ZyxInt ContextVoxels { get; init; } = new(6, 6, 6);

    /// <inheritdoc/>
    public Blob[] DetectIn(RegionReader<ushort> image, Block box, CancellationToken cancellationToken)
    {
        var grid = new BlockGrid(image.ShapeVoxels, image.ShapeVoxels);
        var region = grid.Grow(box, ContextVoxels);
        var sub = image.Read(region);
        var off = region.Offset.ToZyx();
        return Detect(sub).Select(b => b with { Z = b.Z + off.Z, Y = b.Y + off.Y, X = b.X + off.X })
            .Where(b => box.Box.Contains(b.Center)).ToArray();
    }

    /// <summary>Detection on the whole of <paramref name="image"/>.</summary>
    public Blob[] Detect(MultiChannelVolume<ushort> image)
    {
        var blobs = new List<Blob>();
        for (int c = 0; c < image.Channels.Count; c++) blobs.AddRange(DetectChannel(image.Channels[c], c));
        return blobs.ToArray();
    }

    private List<Blob> DetectChannel(IVolume<ushort> v, int channel)
    {
        var s = v.Shape;
        var mean = new double[s.Volume];
        for (int z = 0; z < s.Z; z++)
            for (int y = 0; y < s.Y; y++)
                for (int x = 0; x < s.X; x++)
                {
                    double sum = 0; int n = 0;
                    for (int dz = -1; dz <= 1; dz++)
                        for (int dy = -1; dy <= 1; dy++)
                            for (int dx = -1; dx <= 1; dx++)
                            {
                                int zz = z + dz, yy = y + dy, xx = x + dx;
                                if ((uint)zz >= (uint)s.Z || (uint)yy >= (uint)s.Y || (uint)xx >= (uint)s.X) continue;
                                sum += v.Plane(zz)[yy * s.X + xx];
                                n++;
                            }
                    mean[Idx(s, z, y, x)] = sum / n;
                }
        var peaks = new List<(int Z, int Y, int X, double M)>();
        for (int z = 0; z < s.Z; z++)
            for (int y = 0; y < s.Y; y++)
                for (int x = 0; x < s.X; x++)
                {
                    double m = mean[Idx(s, z, y, x)];
                    if (m < Threshold) continue;
                    bool peak = true;
                    for (int dz = -1; dz <= 1 && peak; dz++)
                        for (int dy = -1; dy <= 1 && peak; dy++)
                            for (int dx = -1; dx <= 1 && peak; dx++)
                            {
                                int zz = z + dz, yy = y + dy, xx = x + dx;
                                if ((dz | dy | dx) == 0 || (uint)zz >= (uint)s.Z || (uint)yy >= (uint)s.Y || (uint)xx >= (uint)s.X) continue;
                                if (Beats(mean[Idx(s, zz, yy, xx)], (zz, yy, xx), m, (z, y, x))) peak = false;
                            }
                    if (peak) peaks.Add((z, y, x, m));
                }
        var kept = new List<Blob>();
        foreach (var p in peaks)
        {
            bool dropped = peaks.Any(q => Math.Abs(q.Z - p.Z) <= 3 && Math.Abs(q.Y - p.Y) <= 3 && Math.Abs(q.X - p.X) <= 3 &&
                                          (q.Z, q.Y, q.X) != (p.Z, p.Y, p.X) && Beats(q.M, (q.Z, q.Y, q.X), p.M, (p.Z, p.Y, p.X)));
            if (!dropped) kept.Add(new Blob(p.Z, p.Y, p.X, 1 + Math.Round(p.M) % 7 / 10.0, -1, -1, channel));
        }
        return kept;
    }

    private static bool Beats(double a, (int, int, int) pa, double b, (int, int, int) pb) =>
        a > b || (a == b && pa.CompareTo(pb) < 0);

    private static long Idx(ZyxInt s, int z, int y, int x) => ((long)z * s.Y + y) * s.X + x;
}
