using Coloc.Core.Matching;

namespace Coloc.Core.Matching.Exact;

/// <summary>
/// Counts, per channel and per set of ≥ 2 other channels, the blobs matched in all channels of the set (blob identity
/// is the input row, so identical blobs count separately). Defined for 3 to <see cref="MaxChannels"/> channels.
/// </summary>
internal sealed class MultiPositiveCounter
{
    /// <summary>Largest channel count for which every subset is listed (7 other channels → 120 sets per channel).</summary>
    public const int MaxChannels = 8;

    private readonly int[] _channels;
    private readonly byte[] _mask;

    public MultiPositiveCounter(int blobCount, int[] ascendingChannels)
    {
        _channels = ascendingChannels;
        _mask = new byte[blobCount];
    }

    public static bool Applies(int channels) => channels is >= 3 and <= MaxChannels;

    /// <summary>Records the matches of one pair (global blob indices).</summary>
    public void Add(ChannelPair pair, int[] a, int[] b)
    {
        byte bitA = (byte)(1 << Array.IndexOf(_channels, pair.A));
        byte bitB = (byte)(1 << Array.IndexOf(_channels, pair.B));
        foreach (int i in a) _mask[i] |= bitB;
        foreach (int i in b) _mask[i] |= bitA;
    }

    /// <summary>Every (channel, set) with its count (<paramref name="participants"/>: blob indices per channel): channels ascending, then sets by size, then lexicographically.</summary>
    public IReadOnlyList<MultiPositiveSet> Result(IReadOnlyList<IEnumerable<int>> participants)
    {
        int n = _channels.Length;
        var list = new List<MultiPositiveSet>();
        for (int ci = 0; ci < n; ci++)
        {
            var exact = new int[1 << n];
            foreach (int i in participants[ci]) exact[_mask[i]]++;
            var sets = Enumerable.Range(0, 1 << n)
                .Where(s => (s & (1 << ci)) == 0 && System.Numerics.BitOperations.PopCount((uint)s) >= 2)
                .Select(s => (Mask: s, Members: Enumerable.Range(0, n).Where(k => (s & (1 << k)) != 0).Select(k => _channels[k]).ToArray()))
                .OrderBy(t => t.Members.Length).ThenBy(t => t.Members, Comparer<int[]>.Create(Lex));
            foreach (var (mask, members) in sets)
            {
                int count = 0;
                for (int m = 0; m < exact.Length; m++)
                    if ((m & mask) == mask) count += exact[m];
                list.Add(new MultiPositiveSet(_channels[ci], members, count));
            }
        }
        return list;
    }

    private static int Lex(int[] x, int[] y)
    {
        for (int k = 0; k < Math.Min(x.Length, y.Length); k++)
            if (x[k] != y[k]) return x[k].CompareTo(y[k]);
        return x.Length.CompareTo(y.Length);
    }
}
