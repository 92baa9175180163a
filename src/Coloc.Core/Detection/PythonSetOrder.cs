namespace Coloc.Core.Detection;

/// <summary>
/// The iteration order of a CPython 3.11 <c>set</c> of <c>(i, j)</c> tuples of small non-negative ints, given the
/// order the tuples were added: the tuple hash (xxHash-style <c>tuplehash</c>, int hash = value), open addressing
/// with 9 linear probes then perturbed probing (<c>PERTURB_SHIFT</c> 5), growth to the smallest power of two above
/// 4·used when the table is 60 % full, reinsertion in slot order, iteration in slot order. scikit-image's
/// <c>_prune_blobs</c> visits the pairs of <c>cKDTree.query_pairs</c> in this order.
/// </summary>
internal static class PythonSetOrder
{
    private const ulong Prime1 = 11400714785074694791UL, Prime2 = 14029467366897019727UL, Prime5 = 2870177450012600261UL;
    private const int LinearProbes = 9, PerturbShift = 5, MinSize = 8;

    /// <summary>CPython's <c>hash((i, j))</c> for 0 ≤ i, j &lt; 2^61 − 1, as an unsigned 64-bit value.</summary>
    public static ulong TupleHash(long i, long j)
    {
        ulong acc = Prime5;
        foreach (long lane in new[] { i, j })
        {
            acc += (ulong)lane * Prime2;
            acc = (acc << 31) | (acc >> 33);
            acc *= Prime1;
        }
        acc += 2UL ^ (Prime5 ^ 3527539UL);
        return acc == ulong.MaxValue ? 1546275796UL : acc;
    }

    /// <summary>Indices into <paramref name="added"/> (distinct tuples, in insertion order) in set iteration order.</summary>
    public static int[] IterationOrder(IReadOnlyList<(int I, int J)> added)
    {
        ArgumentNullException.ThrowIfNull(added);
        ulong mask = MinSize - 1;
        var table = NewTable(MinSize);
        var hashes = added.Select(p => TupleHash(p.I, p.J)).ToArray();
        long used = 0;
        for (int k = 0; k < added.Count; k++)
        {
            Insert(table, mask, k, hashes[k]);
            used++;
            if ((ulong)used * 5 < mask * 3) continue;
            long minUsed = used > 50000 ? used * 2 : used * 4;
            ulong size = MinSize;
            while (size <= (ulong)minUsed) size <<= 1;
            var bigger = NewTable(size);
            foreach (int e in table)
                if (e >= 0) Insert(bigger, size - 1, e, hashes[e]);
            table = bigger;
            mask = size - 1;
        }
        return table.Where(e => e >= 0).ToArray();
    }

    private static int[] NewTable(ulong size)
    {
        var t = new int[size];
        Array.Fill(t, -1);
        return t;
    }

    private static void Insert(int[] table, ulong mask, int key, ulong hash)
    {
        ulong perturb = hash;
        ulong i = hash & mask;
        while (true)
        {
            if (table[i] < 0) { table[i] = key; return; }
            if (i + LinearProbes <= mask)
                for (ulong j = 1; j <= LinearProbes; j++)
                    if (table[i + j] < 0) { table[i + j] = key; return; }
            perturb >>= PerturbShift;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }
}
