using Coloc.Core.Geometry;
using Coloc.Core.Image;

namespace Coloc.TestKit;

/// <summary>A planted Gaussian spot: centre z,y,x and sigma per axis in voxels, amplitude in counts above background.</summary>
public readonly record struct PlantedSpot(double Z, double Y, double X, double SigmaZ, double SigmaY, double SigmaX, double Amplitude);

/// <summary>Seeded synthetic uint16 volumes: background + Gaussian spots (rendered within ±5 sigma) + Gaussian noise, rounded and clipped.</summary>
public static class SyntheticVolumes
{
    /// <summary>Renders <paramref name="spots"/> on a constant background with Gaussian noise of sd <paramref name="noiseSd"/> (0 = none).</summary>
    public static ArrayVolume<ushort> Render(ZyxInt shape, double background, double noiseSd, IEnumerable<PlantedSpot> spots, int seed)
    {
        var acc = new double[shape.Volume];
        Array.Fill(acc, background);
        foreach (var s in spots)
        {
            var (z0, z1, gz) = Profile(s.Z, s.SigmaZ, shape.Z);
            var (y0, y1, gy) = Profile(s.Y, s.SigmaY, shape.Y);
            var (x0, x1, gx) = Profile(s.X, s.SigmaX, shape.X);
            for (int z = z0; z < z1; z++)
                for (int y = y0; y < y1; y++)
                {
                    double a = s.Amplitude * gz[z - z0] * gy[y - y0];
                    long row = ((long)z * shape.Y + y) * shape.X;
                    for (int x = x0; x < x1; x++) acc[row + x] += a * gx[x - x0];
                }
        }
        var rng = new Random(seed);
        var data = new ushort[acc.Length];
        for (long i = 0; i < acc.Length; i++)
        {
            double v = acc[i] + (noiseSd > 0 ? noiseSd * Gaussian(rng) : 0);
            data[i] = (ushort)Math.Clamp(Math.Round(v), 0, ushort.MaxValue);
        }
        return new ArrayVolume<ushort>(shape, data);
    }

    /// <summary>
    /// A volume like the oracle's <c>_timing_volume</c>: background 800, noise sd 250, about one isotropic spot per
    /// 8000 voxels with sigma 2.5–5.5 voxels and 8000–40000 counts, all from <paramref name="seed"/>.
    /// </summary>
    public static (ArrayVolume<ushort> Volume, PlantedSpot[] Spots) TimingVolume(ZyxInt shape, int seed)
    {
        var rng = new Random(seed);
        int n = (int)(shape.Volume / 8000);
        var spots = new PlantedSpot[n];
        for (int i = 0; i < n; i++)
        {
            double sigma = 2.5 + 3 * rng.NextDouble();
            spots[i] = new PlantedSpot(rng.NextDouble() * shape.Z, rng.NextDouble() * shape.Y, rng.NextDouble() * shape.X,
                sigma, sigma, sigma, 8000 + 32000 * rng.NextDouble());
        }
        return (Render(shape, 800, 250, spots, seed + 1), spots);
    }

    private static (int Lo, int Hi, double[] G) Profile(double c, double sigma, int n)
    {
        int lo = Math.Max(0, (int)Math.Floor(c - 5 * sigma));
        int hi = Math.Min(n, (int)Math.Ceiling(c + 5 * sigma) + 1);
        var g = new double[Math.Max(0, hi - lo)];
        for (int i = lo; i < hi; i++) g[i - lo] = Math.Exp(-0.5 * (i - c) * (i - c) / (sigma * sigma));
        return (lo, hi, g);
    }

    private static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
