using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;

namespace Coloc.Core.Regions;

/// <summary>
/// The null model of per-region colocalization for one channel pair (a, b): channel a stays where it is; every
/// channel-b blob is redrawn uniformly over the voxels of the region it lies in (a labels voxel of that label chosen
/// uniformly, then a uniform position inside it in full-resolution coordinates, clamped to the image), so the number
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
    /// <summary>
    /// Null match counts, <c>[permutation][region row]</c>, for <paramref name="permutations"/> draws.
    /// </summary>
    /// <param name="a">Channel a's blobs (fixed).</param>
    /// <param name="b">Channel b's blobs (redrawn).</param>
    /// <param name="rematch">Matches a set of blobs of both channels exactly as the observed matches were made; must be thread-safe and deterministic.</param>
    /// <param name="permutations">Number of null draws N.</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <param name="threads">Permutations run in parallel on this many threads.</param>
    /// <param name="cancellationToken">Stops between permutations.</param>
    /// <param name="onDraw">Called (on the permutation's thread) with the permutation index and channel a's blobs followed
    /// by the redrawn channel b's (the same positions that are rematched), e.g. for <see cref="CrossKFunction"/>.</param>
    public long[][] Counts(Blob[] a, Blob[] b, Func<Blob[], BlobMatch> rematch, int permutations, long seed, int threads,
        CancellationToken cancellationToken = default, Action<int, Blob[]>? onDraw = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(rematch);
        if (permutations < 0) throw new ArgumentOutOfRangeException(nameof(permutations), permutations, "must be >= 0");
        var rowOfB = new int[b.Length];
        for (int i = 0; i < b.Length; i++)
            rowOfB[i] = Scaler.Place(b[i].Center, out long flat) == GridPlacement.Outside ? -1 : Voxels.RowAt(flat);
        var result = new long[permutations][];
        Parallel.For(0, permutations, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken },
            p =>
            {
                var rng = SplitMix64.ForStream(seed, p);
                var blobs = new Blob[a.Length + b.Length];
                a.CopyTo(blobs, 0);
                for (int i = 0; i < b.Length; i++)
                    blobs[a.Length + i] = rowOfB[i] < 0 ? b[i] : Redraw(b[i], rowOfB[i], ref rng);
                onDraw?.Invoke(p, blobs);
                result[p] = CountByRegion(rematch(blobs));
            });
        return result;
    }

    /// <summary>Matches per region row, each counted at its channel-a blob (<see cref="MatchRow.Blob1"/>).</summary>
    public long[] CountByRegion(BlobMatch matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var counts = new long[Voxels.RowLabels.Length];
        foreach (var m in matches.Rows)
            if (Scaler.Place(m.Blob1.Center, out long flat) != GridPlacement.Outside) counts[Voxels.RowAt(flat)]++;
        return counts;
    }

    private Blob Redraw(Blob blob, int row, ref SplitMix64 rng)
    {
        var voxels = Voxels.Voxels(row);
        int flat = voxels[rng.NextInt(voxels.Length)];
        var s = Scaler.Shape;
        int x = flat % s.X, rest = flat / s.X;
        int y = rest % s.Y, z = rest / s.Y;
        double Axis(int index, double scaling, int full, ref SplitMix64 g) =>
            Math.Clamp((index - 0.5 + g.NextDouble()) / scaling, 0, full - 1);
        double nz = Axis(z, Scaler.Scaling.Z, ImageShape.Z, ref rng);
        double ny = Axis(y, Scaler.Scaling.Y, ImageShape.Y, ref rng);
        double nx = Axis(x, Scaler.Scaling.X, ImageShape.X, ref rng);
        return blob with { Z = nz, Y = ny, X = nx };
    }
}
