using Coloc.Core.Blobs;

namespace Coloc.Core.Matching.Exact;

/// <summary>
/// Exact colocalization out of core: the result of <see cref="ExactColocalizer"/> (the same rows in the same order,
/// the same multi-positive counts) from blobs read slab by slab (<see cref="ISlabSource"/>), with memory bounded by a
/// slab, its halo and the components that cross it, not by the number of blobs.
/// </summary>
/// <remarks>
/// <para>Sweep of one channel pair (<see cref="SlabSweep"/>) along the source's axis a (z, y or x): slab k is added to
/// the window of blobs kept from before; the candidate graph of the window is built as in memory. With F the smallest
/// coordinate along a of the later slabs, a component is <em>closed</em> when every blob in it has scaled coordinate
/// below <c>F·s_a − thr·(1 + 10⁻⁶)</c>: no unread blob can be within tolerance of it, so it is the component of the
/// whole input. Closed components are solved by <see cref="ComponentSolver"/> and forgotten; open ones, and unpaired
/// blobs near F, stay in the window. Cutting along y or x keeps the window thin on stacks with few z planes, whose z
/// slabs would be thinner than the tolerance.</para>
/// <para>Row order along z: no later row can have Blob1 z below W = min(F, z of the kept side-A blobs), so pending
/// rows with Blob1 z &lt; W are sorted (Blob1 then Blob2, as <see cref="MatchOrder"/>) and streamed out. Along y or x
/// the rows of each step are final but interleave in table order with later ones: each step's rows are sorted and
/// stored as a run (<see cref="IMatchRunStore"/>), and the runs are merged once the last slab is read.</para>
/// <para>The window keeps each side in input-row order, so ties between identical blobs are broken as in memory.</para>
/// </remarks>
public sealed class SlabColocalizer
{
    private readonly ISlabSource _source;
    private readonly ExactMatchOptions _options;
    private readonly MatchTolerance _tol;
    private readonly MultiPositiveCounter? _counter;
    private readonly IMatchRunStore _runs;

    /// <summary>Prepares a run over <paramref name="source"/>; nothing is read yet.</summary>
    /// <param name="source">The slabs.</param>
    /// <param name="options">Matching options.</param>
    /// <param name="runs">Where sorted runs of rows go when the slabs are cut along y or x; default: memory.</param>
    /// <exception cref="ArgumentException">The options are invalid (as <see cref="ExactColocalizer.Colocalize"/>), or the source's axis is not 0..2.</exception>
    public SlabColocalizer(ISlabSource source, ExactMatchOptions options, IMatchRunStore? runs = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        if (source.Axis is < 0 or > 2) throw new ArgumentException($"slab axis must be 0 (z), 1 (y) or 2 (x), got {source.Axis}", nameof(source));
        _runs = runs ?? new MemoryRunStore();
        if (!options.TolVoxels.IsFinite || options.TolVoxels.Min <= 0)
            throw new ArgumentException($"tolerance must be finite and > 0 on every axis, got {options.TolVoxels}");
        if (options.Threads < 1) throw new ArgumentException($"threads must be >= 1, got {options.Threads}");
        _source = source;
        _options = options;
        _tol = new MatchTolerance(options.TolVoxels);
        Channels = options.Channels is { } f ? source.Channels.Where(f.Contains).ToArray() : source.Channels.ToArray();
        Pairs = ChannelPair.AllOf(Channels).ToArray();
        if (MultiPositiveCounter.Applies(Channels.Count))
        {
            if (source.BlobCount > Array.MaxLength) throw new ArgumentException($"multi-positive counts need at most {Array.MaxLength} blobs, got {source.BlobCount}");
            _counter = new MultiPositiveCounter((int)source.BlobCount, Channels.ToArray());
        }
    }

    /// <summary>The channels paired, ascending.</summary>
    public IReadOnlyList<int> Channels { get; }

    /// <summary>The channel pairs in key order (as the in-memory <see cref="MatchSet"/>).</summary>
    public IReadOnlyList<ChannelPair> Pairs { get; }

    /// <summary>
    /// The rows of <paramref name="pair"/> in table order, in consecutive pieces as slabs are read (enumerate each pair
    /// once, pairs in any order; multi-positive counts need every pair).
    /// </summary>
    public IEnumerable<ArraySegment<MatchRow>> Match(ChannelPair pair, CancellationToken cancellationToken = default)
    {
        if (!Pairs.Contains(pair)) throw new ArgumentException($"channel pair {pair} is not one of this run's", nameof(pair));
        return new SlabSweep(this, pair).Run(cancellationToken);
    }

    /// <summary>Multi-positive counts (3 to 8 channels) once every pair was enumerated; otherwise null.</summary>
    public IReadOnlyList<MultiPositiveSet>? MultiPositive() =>
        _counter?.Result(Channels.Select(c => Ids(c)).ToArray());

    internal MatchTolerance Tolerance => _tol;

    internal ExactMatchOptions Options => _options;

    internal ISlabSource Source => _source;

    internal MultiPositiveCounter? Counter => _counter;

    internal IMatchRunStore Runs => _runs;

    /// <summary>The participating blobs of one slab and channel (inside the ROI when one is set).</summary>
    internal SlabBlobs Participants(int slab, int channel)
    {
        var s = _source.Read(slab, channel);
        if (_options.Roi is not { } roi) return s;
        var keep = new List<int>();
        for (int i = 0; i < s.Blobs.Length; i++)
            if (roi.Contains(s.Blobs[i].Z, s.Blobs[i].Y, s.Blobs[i].X)) keep.Add(i);
        if (keep.Count == s.Blobs.Length) return s;
        return new SlabBlobs(keep.Select(i => s.Blobs[i]).ToArray(), keep.Select(i => s.Ids[i]).ToArray());
    }

    private IEnumerable<int> Ids(int channel)
    {
        for (int k = 0; k < _source.SlabCount; k++)
            foreach (long id in Participants(k, channel).Ids) yield return (int)id;
    }
}
