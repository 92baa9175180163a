namespace Coloc.Cli.Tests.Fuzz;

/// <summary>
/// Byte-level mutations of a seed, as a coverage-blind fuzzer makes them: bit flips, interesting values (0, 0xFF,
/// ±1, 2³¹−1 …) written over bytes, runs inserted, removed or duplicated, truncation, and splices with another seed.
/// Deterministic for a given <see cref="Random"/>.
/// </summary>
internal static class Mutator
{
    private static readonly byte[][] Interesting =
    [
        [0], [0xFF], [0x7F], [0x80], [1], [0xFF, 0xFF], [0xFF, 0xFF, 0xFF, 0x7F], [0, 0, 0, 0x80], [0xFF, 0xFF, 0xFF, 0xFF],
        "-"u8.ToArray(), "1e308"u8.ToArray(), "nan"u8.ToArray(), "\n"u8.ToArray(), ","u8.ToArray(), "\""u8.ToArray(),
        "-1"u8.ToArray(), "2147483647"u8.ToArray(), "<"u8.ToArray(), "'"u8.ToArray(),
    ];

    /// <summary>One to eight stacked mutations of <paramref name="seed"/>, at most <paramref name="maxBytes"/> long.</summary>
    public static byte[] Mutate(byte[] seed, byte[] other, Random rng, int maxBytes = 1 << 20)
    {
        var b = new List<byte>(seed);
        int n = 1 + rng.Next(8);
        for (int k = 0; k < n; k++)
        {
            int at = b.Count == 0 ? 0 : rng.Next(b.Count);
            switch (rng.Next(8))
            {
                case 0 when b.Count > 0:
                    b[at] ^= (byte)(1 << rng.Next(8));
                    break;
                case 1 when b.Count > 0:
                    b[at] = (byte)rng.Next(256);
                    break;
                case 2:
                    var v = Interesting[rng.Next(Interesting.Length)];
                    for (int i = 0; i < v.Length && at + i < b.Count; i++) b[at + i] = v[i];
                    break;
                case 3:
                    b.InsertRange(at, Interesting[rng.Next(Interesting.Length)]);
                    break;
                case 4 when b.Count > 0:
                    b.RemoveRange(at, Math.Min(b.Count - at, 1 + rng.Next(16)));
                    break;
                case 5 when b.Count > 0:
                    int len = Math.Min(b.Count - at, 1 + rng.Next(64));
                    b.InsertRange(rng.Next(b.Count), b.GetRange(at, len));
                    break;
                case 6 when b.Count > 1:
                    b.RemoveRange(at, b.Count - at);
                    break;
                case 7 when other.Length > 0:
                    int from = rng.Next(other.Length);
                    b.InsertRange(at, other.AsSpan(from, Math.Min(other.Length - from, 1 + rng.Next(256))).ToArray());
                    break;
            }
        }
        if (b.Count > maxBytes) b.RemoveRange(maxBytes, b.Count - maxBytes);
        return b.ToArray();
    }
}
