using Coloc.Core.Blobs;
using Coloc.Core.Geometry;

namespace Coloc.TestKit;

/// <summary>
/// Seeded two-channel blob sets following the oracle's timing generator (oracle README §T, timings.md): channel 0 = N
/// blobs at uniform random integer positions in the stack; channel 1 = a copy of channel 0 moved by a random integer
/// in [−jitter, jitter] per axis (clamped to the stack), so only part of the pairs lie within tolerance. Radius 3,
/// flags −1. Channel 0 rows come first, then channel 1 in the same order. Our random source is not NumPy's, so the
/// sets differ from MagellanMapper's; sizes, density and jitter are the same.
/// </summary>
public static class BenchBlobs
{
    /// <summary>Builds the blob set.</summary>
    /// <param name="perChannel">Blobs per channel.</param>
    /// <param name="shape">Stack shape z,y,x, voxels.</param>
    /// <param name="jitter">Largest shift per axis of the channel-1 copy, voxels (stack runs: 4; single ROI: 3).</param>
    /// <param name="seed">Random seed.</param>
    public static Blob[] Generate(int perChannel, ZyxInt shape, int jitter = 4, int seed = 7)
    {
        var rng = new Random(seed);
        var blobs = new Blob[2 * perChannel];
        for (int i = 0; i < perChannel; i++)
        {
            int z = rng.Next(shape.Z), y = rng.Next(shape.Y), x = rng.Next(shape.X);
            blobs[i] = new Blob(z, y, x, 3, -1, -1, 0);
            int z2 = Math.Clamp(z + rng.Next(-jitter, jitter + 1), 0, shape.Z - 1);
            int y2 = Math.Clamp(y + rng.Next(-jitter, jitter + 1), 0, shape.Y - 1);
            int x2 = Math.Clamp(x + rng.Next(-jitter, jitter + 1), 0, shape.X - 1);
            blobs[perChannel + i] = new Blob(z2, y2, x2, 3, -1, -1, 1);
        }
        return blobs;
    }
}
