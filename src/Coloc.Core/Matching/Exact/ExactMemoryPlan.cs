namespace Coloc.Core.Matching.Exact;

/// <summary>
/// Memory planning of exact matching: what an in-memory run needs, and how many slabs keep an out-of-core run
/// (<see cref="SlabColocalizer"/>) inside a budget. Figures are measured peaks of whole <c>coloc match</c> runs.
/// </summary>
public static class ExactMemoryPlan
{
    /// <summary>Peak bytes per input blob of an in-memory exact run (measured: 562 MB for 2·10⁶ blobs, 5.8 GB for 2·10⁷).</summary>
    public const long InMemoryBytesPerBlob = 300;

    /// <summary>
    /// Bytes per blob of a slab in flight: the slab's blobs and ids, their scaled copies, the search grid, edges and
    /// components, the halo kept from the slab before, and pending rows — with room to spare for unevenly filled slabs.
    /// </summary>
    public const long SlabBytesPerBlob = 1200;

    /// <summary>Bytes an in-memory exact run of <paramref name="blobs"/> blobs plans to use.</summary>
    public static long InMemoryBytes(long blobs) => Math.Max(0, blobs) * InMemoryBytesPerBlob;

    /// <summary>
    /// Slabs for <paramref name="blobs"/> blobs in a budget of <paramref name="budgetBytes"/>:
    /// <c>ceil(blobs · SlabBytesPerBlob / budget)</c>, at least 1 and at most <paramref name="maxSlabs"/>.
    /// </summary>
    public static int SlabCount(long blobs, long budgetBytes, int maxSlabs = 1024)
    {
        if (budgetBytes <= 0) throw new ArgumentOutOfRangeException(nameof(budgetBytes), budgetBytes, "must be > 0");
        double k = Math.Ceiling((double)Math.Max(0, blobs) * SlabBytesPerBlob / budgetBytes);
        return (int)Math.Clamp(k, 1, Math.Max(1, maxSlabs));
    }
}
