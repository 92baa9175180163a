using Coloc.Core.Blobs;
using Coloc.Core.Matching;

namespace Coloc.Core.Matching.Exact;

/// <summary>
/// Exact colocalization. For each channel pair (a, b), a &lt; b, among all one-to-one matchings made only of
/// admissible pairs (scaled distance <c>sqrt((dz² + dy²) + dx²)</c> of coordinates multiplied by <c>max(tol)/tol</c>,
/// strictly below <c>max(tol)</c>), it reports one with the largest number of pairs and, among those, the smallest
/// total distance. The result depends only on the set of participating blobs, never on row order, block size or
/// thread count.
/// </summary>
/// <remarks>
/// <para>Algorithm: candidate pairs from a uniform grid (cell edge ≥ threshold, O(n + pairs) memory); connected
/// components of the bipartite candidate graph by union-find; each component solved exactly and independently (in
/// parallel) by <see cref="SparseAssignment{T}"/> on its canonically ordered blobs.</para>
/// <para>Optimality: the pair count is exactly maximal. Distances enter the solver as integers
/// <c>round(d · 2³² / max(tol))</c>; the matching is exactly optimal for those, so its total distance is within
/// <c>pairs · max(tol) / 2³²</c> of the true minimum.</para>
/// <para>Ties (equal count and equal integer total): decided by the solver working on the component's blobs in
/// canonical order (<see cref="BlobOrder"/>) — a fixed function of the blob values. Blobs equal on all seven values
/// are interchangeable: whichever copy is matched, the written rows are the same.</para>
/// <para>Rows keep the input blobs unchanged (flags included) and are sorted by Blob1 then Blob2, each by
/// z, y, x, radius, confirmed, truth, channel.</para>
/// </remarks>
public static class ExactColocalizer
{
    /// <summary>Colocalizes every channel pair of <paramref name="blobs"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (tolerance not finite and &gt; 0, threads &lt; 1, block size &lt; 1), or a blob coordinate is not finite.</exception>
    public static MatchSet Colocalize(Blob[] blobs, ExactMatchOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.TolVoxels.IsFinite || options.TolVoxels.Min <= 0)
            throw new ArgumentException($"tolerance must be finite and > 0 on every axis, got {options.TolVoxels}");
        if (options.Threads < 1) throw new ArgumentException($"threads must be >= 1, got {options.Threads}");
        if (options.BlockSizeVoxels is { } bs && (bs.Z < 1 || bs.Y < 1 || bs.X < 1))
            throw new ArgumentException($"block size must be >= 1 on every axis, got {bs}");
        var tol = new MatchTolerance(options.TolVoxels);
        var channels = ChannelSelection.Of(blobs, options.Channels);
        var participants = Participants(blobs, channels, options);
        var counter = MultiPositiveCounter.Applies(channels.Length) ? new MultiPositiveCounter(blobs.Length, channels) : null;
        var results = new List<(ChannelPair Pair, BlobMatch Matches)>();
        foreach (var pair in ChannelPair.AllOf(channels))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ga = participants[Array.IndexOf(channels, pair.A)];
            var gb = participants[Array.IndexOf(channels, pair.B)];
            var (ma, mb) = PairMatcher.Match(blobs, ga, gb, tol, options, cancellationToken);
            counter?.Add(pair, ma, mb);
            results.Add((pair, Rows(blobs, ma, mb, tol, options.Threads)));
        }
        var set = new MatchSet { MultiPositive = counter?.Result(participants) };
        foreach (var (pair, m) in results) set.Add(pair, m);
        return set;
    }

    private static int[][] Participants(Blob[] blobs, int[] channels, ExactMatchOptions options)
    {
        var lists = channels.Select(_ => new List<int>()).ToArray();
        var slot = new Dictionary<int, int>();
        for (int k = 0; k < channels.Length; k++) slot[channels[k]] = k;
        for (int i = 0; i < blobs.Length; i++)
        {
            ref readonly var b = ref blobs[i];
            if (!double.IsFinite(b.Z) || !double.IsFinite(b.Y) || !double.IsFinite(b.X))
                throw new ArgumentException($"blob {i} has a coordinate that is not finite ({b.Z},{b.Y},{b.X})");
            if (!slot.TryGetValue((int)b.Channel, out int k)) continue;
            if (options.Roi is { } roi && !roi.Contains(b.Z, b.Y, b.X)) continue;
            lists[k].Add(i);
        }
        return lists.Select(l => l.ToArray()).ToArray();
    }

    private static BlobMatch Rows(Blob[] blobs, int[] a, int[] b, MatchTolerance tol, int threads)
    {
        var rows = new MatchRow[a.Length];
        Parallel.For(0, (rows.Length + 65535) / 65536, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
        {
            int end = Math.Min(rows.Length, (k + 1) * 65536);
            for (int i = k * 65536; i < end; i++)
            {
                ref readonly var p = ref blobs[a[i]];
                ref readonly var q = ref blobs[b[i]];
                rows[i] = MatchRow.Of(p, q, tol.Distance(p.Z, p.Y, p.X, q.Z, q.Y, q.X));
            }
        });
        return new BlobMatch(rows);
    }
}
