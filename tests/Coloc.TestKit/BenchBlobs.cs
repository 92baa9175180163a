using Coloc.Core.Blobs;
using Coloc.Core.Geometry;

namespace Coloc.TestKit;

/// <summary>
/// Seeded benchmark blobs following the oracle's timing rule (oracle README §T, timings.md): channel 0 = N blobs at
/// random integer positions uniform in the stack; channel 1 = a copy of channel 0 with each blob moved by a random
/// integer in [−jitter, jitter] per axis (clamped into the stack), so only part of the copies lie within tolerance.
/// Radius 3, confirmed and truth −1. Rows: all of channel 0, then all of channel 1. Uses <see cref="Random"/> with a
/// seed, whose sequence .NET keeps stable, so the same arguments give the same blobs.
/// </summary>
public static class BenchBlobs
{
    /// <summary>The oracle's stack timing: 1,000,000 blobs per channel in 64×6000×6000, jitter 4.</summary>
    public static readonly ZyxInt Shape1M = new(64, 6000, 6000);

    /// <summary>Default seed.</summary>
    public const int DefaultSeed = 2026;

    /// <summary>Makes 2·<paramref name="perChannel"/> blobs.</summary>
    /// <param name="perChannel">Blobs per channel, ≥ 0.</param>
    /// <param name="shape">Stack shape z,y,x in voxels.</param>
    /// <param name="jitter">Largest shift per axis in voxels (default 4 as the oracle's stack timing).</param>
    /// <param name="seed">Random seed.</param>
    public static Blob[] Make(int perChannel, ZyxInt shape, int jitter = 4, int seed = DefaultSeed)
    {
        var blobs = new Blob[2L * perChannel];
        long at = 0;
        foreach (var chunk in Stream(perChannel, shape, jitter, seed))
        {
            chunk.CopyTo(blobs, at);
            at += chunk.Length;
        }
        return blobs;
    }

    /// <summary>
    /// The rows of <see cref="Make"/> in consecutive chunks of at most <paramref name="chunkRows"/>, without holding
    /// them all: channel 1 replays channel 0's positions from a second generator with the same seed.
    /// </summary>
    /// <param name="perChannel">Blobs per channel, ≥ 0 (may exceed what fits in memory).</param>
    /// <param name="shape">Stack shape z,y,x in voxels.</param>
    /// <param name="jitter">Largest shift per axis in voxels.</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="chunkRows">Rows per chunk, ≥ 1.</param>
    public static IEnumerable<Blob[]> Stream(long perChannel, ZyxInt shape, int jitter = 4, int seed = DefaultSeed, int chunkRows = 65536)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perChannel);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        var rnd = new Random(seed);
        for (long i = 0; i < perChannel; i += chunkRows)
        {
            var chunk = new Blob[Math.Min(chunkRows, perChannel - i)];
            for (int k = 0; k < chunk.Length; k++)
                chunk[k] = new Blob(rnd.Next(shape.Z), rnd.Next(shape.Y), rnd.Next(shape.X), 3, -1, -1, 0);
            yield return chunk;
        }
        var replay = new Random(seed);
        for (long i = 0; i < perChannel; i += chunkRows)
        {
            var chunk = new Blob[Math.Min(chunkRows, perChannel - i)];
            for (int k = 0; k < chunk.Length; k++)
            {
                var b = new Blob(replay.Next(shape.Z), replay.Next(shape.Y), replay.Next(shape.X), 3, -1, -1, 0);
                chunk[k] = new Blob(
                    Math.Clamp(b.Z + rnd.Next(-jitter, jitter + 1), 0, shape.Z - 1),
                    Math.Clamp(b.Y + rnd.Next(-jitter, jitter + 1), 0, shape.Y - 1),
                    Math.Clamp(b.X + rnd.Next(-jitter, jitter + 1), 0, shape.X - 1), 3, -1, -1, 1);
            }
            yield return chunk;
        }
    }

    /// <summary>
    /// The stack the oracle's density implies for <paramref name="perChannel"/> blobs: z = 64 and a square y,x with
    /// 6000² · perChannel / 10⁶ pixels (64×6000×6000 for 10⁶, 64×18974×18974 for 10⁷).
    /// </summary>
    public static ZyxInt ShapeFor(long perChannel)
    {
        int side = (int)Math.Round(6000 * Math.Sqrt(perChannel / 1e6));
        return new ZyxInt(64, Math.Max(side, 1), Math.Max(side, 1));
    }
}
