using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Matching.Exact;

namespace Coloc.Core.Regions;

/// <summary>
/// The null model of per-region colocalization for one channel pair (a, b): channel a stays where it is; every
/// channel-b blob is redrawn uniformly over the region it lies in, in full-resolution coordinates (the part of the image,
/// 0 … shape − 1 per axis, whose coordinates land in the region's labels voxels), so the number
/// of b blobs per region is kept; a and the redrawn b are matched again with the observed mode and tolerance
/// (<c>rematch</c>) and each match is counted in the region of its channel-a blob, as the observed count.
/// Blobs outside the labels stay put. Permutation p draws from <see cref="SplitMix64.ForStream"/>(seed, p), and each
/// permutation is matched on its own, so the counts are the same for any thread count.
/// </summary>
/// <param name="Voxels">The regions' voxels (row order = ascending labels).</param>
/// <param name="Scaler">Full-resolution → labels grid.</param>
/// <param name="ImageShape">Full-resolution image shape, voxels z,y,x (redrawn positions are clamped inside it).</param>
public sealed record RegionNullModel(RegionVoxels Voxels, GridScaler Scaler, ZyxInt ImageShape)
{
    private readonly RedrawAxis _axisZ = new(Scaler.Scaling.Z, Scaler.Shape.Z, ImageShape.Z);
    private readonly RedrawAxis _axisY = new(Scaler.Scaling.Y, Scaler.Shape.Y, ImageShape.Y);
    private readonly RedrawAxis _axisX = new(Scaler.Scaling.X, Scaler.Shape.X, ImageShape.X);

    /// <summary>
    /// Null match counts, <c>[permutation][region row]</c>, for <paramref name="permutations"/> draws.
    /// </summary>
    /// <param name="a">Channel a's blobs (fixed).</param>
    /// <param name="b">Channel b's blobs (redrawn).</param>
    /// <param name="rematch">Matches a set of blobs of both channels exactly as the observed matches were made; must be
    /// thread-safe and deterministic, and must not keep the array it is given (each thread reuses one).</param>
    /// <param name="permutations">Number of null draws N.</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <param name="threads">Permutations run in parallel on this many threads.</param>
    /// <param name="cancellationToken">Stops between permutations.</param>
    /// <param name="onDraw">Called (on the permutation's thread) with the permutation index and channel a's blobs followed
    /// by the redrawn channel b's (the same positions that are rematched; the array is reused after the call), e.g. for
    /// <see cref="CrossKFunction"/>.</param>
    public long[][] Counts(Blob[] a, Blob[] b, Func<Blob[], BlobMatch> rematch, int permutations, long seed, int threads,
        CancellationToken cancellationToken = default, Action<int, Blob[]>? onDraw = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(rematch);
        return Run(a, b, permutations, seed, threads, cancellationToken, onDraw, () =>
        {
            var blobs = new Blob[a.Length + b.Length];
            a.CopyTo(blobs, 0);
            return blobs;
        }, blobs => blobs, blobs => CountByRegion(rematch(blobs)));
    }

    /// <summary>
    /// <see cref="Counts"/> for exact matches with tolerance <paramref name="tolVoxels"/>: the same counts as rematching
    /// with <see cref="ExactColocalizer"/>, without writing the matches, and with channel a's grouping and search grid
    /// built once (<see cref="ExactNullMatcher"/>). Memory: one array of both channels' blobs per thread.
    /// </summary>
    /// <param name="a">Channel a's blobs (fixed).</param>
    /// <param name="b">Channel b's blobs (redrawn).</param>
    /// <param name="tolVoxels">The tolerance of the exact matches, voxels z,y,x.</param>
    /// <param name="permutations">Number of null draws N.</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <param name="threads">Permutations run in parallel on this many threads.</param>
    /// <param name="cancellationToken">Stops between permutations.</param>
    /// <param name="onDraw">As for <see cref="Counts"/>, except that channel b's draw is laid out region by region, not in
    /// input order (exact matching does not depend on the order; the grids of channel a are then read region by region).</param>
    public long[][] ExactCounts(Blob[] a, Blob[] b, Zyx tolVoxels, int permutations, long seed, int threads,
        CancellationToken cancellationToken = default, Action<int, Blob[]>? onDraw = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (permutations < 0) throw new ArgumentOutOfRangeException(nameof(permutations), permutations, "must be >= 0");
        if (permutations == 0) return [];
        var regionOfA = new int[a.Length];
        for (int i = 0; i < a.Length; i++) regionOfA[i] = RowOf(a[i]);
        var matcher = new ExactNullMatcher(a, regionOfA, tolVoxels);
        int rows = Voxels.RowLabels.Length;
        return Run(a, b, permutations, seed, threads, cancellationToken, onDraw, () => matcher.NewWorker(b.Length), w => w.Blobs,
            w => matcher.Count(w, rows), regionOrder: true);
    }

    /// <summary>
    /// The permutation loop: <paramref name="threads"/> workers, each with its own scratch (<paramref name="newWorker"/>)
    /// whose array <paramref name="blobsOf"/> holds channel a then the draw, take permutation indices in turn; permutation
    /// p is drawn from its own stream, so the counts do not depend on which worker runs it.
    /// </summary>
    private long[][] Run<TWorker>(Blob[] a, Blob[] b, int permutations, long seed, int threads, CancellationToken cancellationToken,
        Action<int, Blob[]>? onDraw, Func<TWorker> newWorker, Func<TWorker, Blob[]> blobsOf, Func<TWorker, long[]> count,
        bool regionOrder = false)
    {
        if (permutations < 0) throw new ArgumentOutOfRangeException(nameof(permutations), permutations, "must be >= 0");
        var result = new long[permutations][];
        if (permutations == 0) return result;
        var rowOfB = new int[b.Length];
        for (int i = 0; i < b.Length; i++) rowOfB[i] = RowOf(b[i]);
        var slot = regionOrder ? RegionOrder(rowOfB) : Enumerable.Range(0, b.Length).ToArray();
        int workers = Math.Clamp(threads, 1, permutations), next = -1;
        ReturnGarbage();
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken }, _ =>
        {
            var worker = newWorker();
            var blobs = blobsOf(worker);
            for (int p = Interlocked.Increment(ref next); p < permutations; p = Interlocked.Increment(ref next))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rng = SplitMix64.ForStream(seed, p);
                for (int i = 0; i < b.Length; i++)
                    blobs[a.Length + slot[i]] = rowOfB[i] < 0 ? b[i] : Redraw(b[i], rowOfB[i], ref rng);
                onDraw?.Invoke(p, blobs);
                result[p] = count(worker);
                if (p % GarbageEvery == GarbageEvery - 1) ReturnGarbage();
            }
        });
        return result;
    }

    /// <summary>Permutations between two returns of their garbage to the system (<see cref="ReturnGarbage"/>).</summary>
    private const int GarbageEvery = 8;

    /// <summary>
    /// Collects the large arrays of the permutations done (and of reading the inputs) and returns them to the system, so
    /// the peak is the working set of the permutations in flight rather than whatever the collector's large-object
    /// budget lets pile up (as <c>SlabSweep</c> does per slab). Not compacting: cheap, the live arrays hold no references.
    /// </summary>
    private static void ReturnGarbage() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);

    /// <summary>
    /// Where each blob of b goes in the draw when it is laid out region by region (outside first, then ascending rows,
    /// input order within a row): a counting sort, so the grids of channel a are then read region by region, not at random.
    /// </summary>
    private int[] RegionOrder(int[] rowOfB)
    {
        var start = new int[Voxels.RowLabels.Length + 2];
        foreach (int r in rowOfB) start[r + 2]++;
        for (int r = 1; r < start.Length; r++) start[r] += start[r - 1];
        var slot = new int[rowOfB.Length];
        for (int i = 0; i < rowOfB.Length; i++) slot[i] = start[rowOfB[i] + 1]++;
        return slot;
    }

    /// <summary>The region row of <paramref name="blob"/>, −1 outside the labels.</summary>
    private int RowOf(in Blob blob) => Scaler.Place(blob.Center, out long flat) == GridPlacement.Outside ? -1 : Voxels.RowAt(flat);

    /// <summary>Matches per region row, each counted at its channel-a blob (<see cref="MatchRow.Blob1"/>).</summary>
    public long[] CountByRegion(BlobMatch matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var counts = new long[Voxels.RowLabels.Length];
        foreach (var m in matches.Rows)
            if (RowOf(m.Blob1) is int row and >= 0) counts[row]++;
        return counts;
    }

    /// <summary>
    /// A position uniform over the part of region <paramref name="row"/> inside the image (coordinates 0 … shape − 1 per
    /// axis): a labels voxel i covers the full-resolution coordinates that round to it, <c>[(i − ½)/s, (i + ½)/s)</c>, cut at
    /// 0, and the last one also takes what is clipped to it, up to shape − 1; so edge voxels cover less or more than
    /// <c>1/s</c>. Drawn by rejection: a voxel of the region uniformly, then a point uniformly in a box of the widest
    /// cell from the voxel's start, kept when it lies in that voxel's part of the image (at least half the draws).
    /// </summary>
    private Blob Redraw(Blob blob, int row, ref SplitMix64 rng)
    {
        var voxels = Voxels.Voxels(row);
        var s = Scaler.Shape;
        for (int attempt = 0; ; attempt++)
        {
            int flat = voxels[rng.NextInt(voxels.Length)];
            int x = flat % s.X, rest = flat / s.X;
            int y = rest % s.Y, z = rest / s.Y;
            bool ok = _axisZ.Draw(z, ref rng, out double nz) & _axisY.Draw(y, ref rng, out double ny) & _axisX.Draw(x, ref rng, out double nx);
            if (ok || attempt >= 1000) return blob with { Z = nz, Y = ny, X = nx };
        }
    }
}
