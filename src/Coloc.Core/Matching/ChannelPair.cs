namespace Coloc.Core.Matching;

/// <summary>A pair of 0-based channels <c>(A, B)</c> with <c>A &lt; B</c>; Blob1 of a match is from A, Blob2 from B.</summary>
/// <param name="A">The lower channel.</param>
/// <param name="B">The higher channel.</param>
public readonly record struct ChannelPair(int A, int B)
{
    /// <summary>The key MagellanMapper prints and our summaries use: <c>"a,b"</c>.</summary>
    public string Key => $"{A},{B}";

    /// <summary>File-name stem of the pair's match table: <c>matches_c&lt;a&gt;_c&lt;b&gt;</c>.</summary>
    public string FileStem => $"matches_c{A}_c{B}";

    /// <summary>Every pair <c>a &lt; b</c> of the given ascending channels, outer loop over a (MagellanMapper's order).</summary>
    public static IEnumerable<ChannelPair> AllOf(IReadOnlyList<int> ascendingChannels)
    {
        for (int i = 0; i < ascendingChannels.Count; i++)
            for (int j = i + 1; j < ascendingChannels.Count; j++)
                yield return new ChannelPair(ascendingChannels[i], ascendingChannels[j]);
    }

    /// <inheritdoc/>
    public override string ToString() => Key;
}
