namespace Coloc.Core.Matching;

/// <summary>
/// The result of a colocalization: one <see cref="BlobMatch"/> per channel pair, in the order MagellanMapper's
/// returned dict has its keys (pairs in ascending channel order).
/// </summary>
public sealed class MatchSet
{
    private readonly List<KeyValuePair<ChannelPair, BlobMatch>> _pairs = [];

    /// <summary>The pairs and their matches in key order.</summary>
    public IReadOnlyList<KeyValuePair<ChannelPair, BlobMatch>> Pairs => _pairs;

    /// <summary>The matches of <paramref name="pair"/>, or null when the pair is not a key.</summary>
    public BlobMatch? this[ChannelPair pair] =>
        _pairs.FirstOrDefault(p => p.Key == pair).Value;

    /// <summary>Appends a pair; a pair may appear once.</summary>
    public void Add(ChannelPair pair, BlobMatch matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        if (_pairs.Any(p => p.Key == pair))
            throw new ArgumentException($"channel pair {pair} is already present", nameof(pair));
        _pairs.Add(new(pair, matches));
    }

    /// <summary>
    /// Multi-positive counts when the producer tracks blob identity across pairs (exact mode with 3 to 8 channels):
    /// for every channel and every set of ≥ 2 other channels, the blobs matched in all of them; otherwise null.
    /// </summary>
    public IReadOnlyList<MultiPositiveSet>? MultiPositive { get; init; }

    /// <summary>Total number of matches over all pairs.</summary>
    public int TotalCount => _pairs.Sum(p => p.Value.Count);
}
