using Coloc.Core.Geometry;
using Coloc.Core.Image;

namespace Coloc.TestKit;

/// <summary>Seeded multichannel 16-bit test images with planted spots, some shared between channels.</summary>
public static class SyntheticImage
{
    /// <summary>
    /// An image of <paramref name="shape"/> with <paramref name="channels"/> channels: background noise 0–99, and per
    /// channel about <paramref name="spots"/> Gaussian spots (σ 1–1.6 voxels, peak 600–2000); half of channel 0's spot
    /// centres reappear, shifted by up to one voxel, in every other channel. <paramref name="brightness"/> scales the
    /// peaks (LoG detection with MagellanMapper's default threshold needs about 20).
    /// </summary>
    public static MultiChannelVolume<ushort> Create(ZyxInt shape, int channels, int spots, int seed, double brightness = 1)
    {
        var rng = new Random(seed);
        var vols = new ArrayVolume<ushort>[channels];
        var shared = new List<(double Z, double Y, double X)>();
        for (int c = 0; c < channels; c++)
        {
            var v = ArrayVolume<ushort>.Zeros(shape);
            for (int i = 0; i < v.Data.Length; i++) v.Data[i] = (ushort)rng.Next(100);
            for (int k = 0; k < spots; k++)
            {
                (double Z, double Y, double X) p;
                if (c > 0 && k < shared.Count)
                    p = (shared[k].Z + rng.Next(-1, 2), shared[k].Y + rng.Next(-1, 2), shared[k].X + rng.Next(-1, 2));
                else
                    p = (rng.NextDouble() * shape.Z, rng.NextDouble() * shape.Y, rng.NextDouble() * shape.X);
                if (c == 0 && k % 2 == 0) shared.Add(p);
                Plant(v, p, 1 + rng.NextDouble() * 0.6, (600 + rng.Next(1400)) * brightness);
            }
            vols[c] = v;
        }
        return new MultiChannelVolume<ushort>(vols, new Zyx(2, 1, 1));
    }

    private static void Plant(ArrayVolume<ushort> v, (double Z, double Y, double X) p, double sigma, double peak)
    {
        var s = v.Shape;
        int r = (int)Math.Ceiling(3 * sigma);
        for (int z = (int)p.Z - r; z <= (int)p.Z + r; z++)
            for (int y = (int)p.Y - r; y <= (int)p.Y + r; y++)
                for (int x = (int)p.X - r; x <= (int)p.X + r; x++)
                {
                    if ((uint)z >= (uint)s.Z || (uint)y >= (uint)s.Y || (uint)x >= (uint)s.X) continue;
                    double d2 = (z - p.Z) * (z - p.Z) + (y - p.Y) * (y - p.Y) + (x - p.X) * (x - p.X);
                    v[z, y, x] = (ushort)Math.Min(ushort.MaxValue, v[z, y, x] + peak * Math.Exp(-d2 / (2 * sigma * sigma)));
                }
    }
}
