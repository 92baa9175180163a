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
    /// <remarks>
    /// Measured as peak resident set (GNU time) over blobs per slab of whole out-of-core <c>coloc match</c> runs on the
    /// side-by-side inputs (2026-12-06/07): 2·10⁷ blobs/channel in 23 slabs cut along y, 1.10 GB = 632 B per slab blob;
    /// 10⁶/channel with <c>--slab-memory 1024</c>, 3 slabs cut along z, 761 MB = 1,141 B per slab blob (about 850 B above
    /// the 196–210 MB that runs of 5–18 y slabs of the same input peak at). The z-cut run came close to this figure, so the
    /// y-cut 630 B would let z-cut runs exceed the budget: 1,200 B stays.
    /// </remarks>
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

    /// <summary>
    /// The axis to cut <paramref name="slabs"/> slabs along (0 = z, 1 = y, 2 = x): z when its slabs are at least four
    /// tolerances thick (rows then stream out in table order with no merge) or thickest in tolerances; otherwise the
    /// axis, y before x, whose slabs are thickest measured in tolerances (<c>extent / (slabs · tol)</c>). A slab much
    /// thinner than the tolerance keeps several slabs' worth of blobs in the window, which is what bounds memory.
    /// </summary>
    /// <param name="extentVoxels">Extent of the blobs' box z,y,x in voxels (stack shape or ROI size).</param>
    /// <param name="tolVoxels">Match tolerance z,y,x in voxels (&gt; 0).</param>
    /// <param name="slabs">Number of slabs (≥ 1).</param>
    public static int CutAxis(Geometry.Zyx extentVoxels, Geometry.Zyx tolVoxels, int slabs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slabs, 1);
        var thickness = new double[3];
        for (int a = 0; a < 3; a++) thickness[a] = extentVoxels[a] / (slabs * tolVoxels[a]);
        if (thickness[0] >= 4 || (thickness[0] >= thickness[1] && thickness[0] >= thickness[2])) return 0;
        return thickness[1] >= thickness[2] ? 1 : 2;
    }
}
