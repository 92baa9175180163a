namespace Coloc.Core.Regions;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014): a small, fast, fully specified 64-bit generator, so a seed gives the same
/// stream on every platform and .NET version (System.Random's seeded algorithm is an implementation detail).
/// Each permutation of the null model gets its own generator, <see cref="ForStream"/>, so results do not depend on
/// which thread runs which permutation.
/// </summary>
public struct SplitMix64
{
    private ulong _state;

    /// <summary>A generator starting at <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The generator of stream <paramref name="stream"/> of <paramref name="seed"/> (independent streams by hashing both).</summary>
    public static SplitMix64 ForStream(long seed, int stream)
    {
        var g = new SplitMix64((ulong)seed);
        ulong a = g.Next();
        var h = new SplitMix64(a ^ (0x9E3779B97F4A7C15UL * (ulong)(stream + 1)));
        return new SplitMix64(h.Next());
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="n"/>) (Lemire's multiply-shift; bias below 2^-32 for n &lt; 2^32).</summary>
    public int NextInt(int n) => (int)(((Next() >> 32) * (ulong)n) >> 32);
}
