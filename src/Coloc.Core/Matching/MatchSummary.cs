using Coloc.Core.Blobs;
using Coloc.Core.Geometry;

namespace Coloc.Core.Matching;

/// <summary>Counts that describe a <see cref="MatchSet"/>: matches per pair and blobs per channel.</summary>
/// <param name="Mode">Matching mode that produced the set (<c>magmap</c> or <c>exact</c>).</param>
/// <param name="Pairs">Channel pairs in key order with their match counts.</param>
/// <param name="BlobsPerChannel">Number of input blobs per channel, ascending channel.</param>
public sealed record MatchSummary(
    string Mode, IReadOnlyList<(ChannelPair Pair, int Count)> Pairs, IReadOnlyList<(int Channel, int Blobs)> BlobsPerChannel)
{
    /// <summary>The tolerance the matches were made with, voxels z,y,x (summary.json <c>tol_voxels</c>), or null when not recorded.</summary>
    public Zyx? TolVoxels { get; init; }

    /// <summary>Summarises <paramref name="matches"/> over the input <paramref name="blobs"/>.</summary>
    public static MatchSummary Of(string mode, MatchSet matches, ReadOnlySpan<Blob> blobs)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var perChannel = new SortedDictionary<int, int>();
        // Counted per run of equal channels (blob tables are usually grouped by channel): one lookup per run.
        int run = 0, last = 0;
        foreach (ref readonly var b in blobs)
        {
            int c = (int)b.Channel;
            if (run > 0 && c == last)
            {
                run++;
                continue;
            }
            if (run > 0) perChannel[last] = perChannel.GetValueOrDefault(last) + run;
            (last, run) = (c, 1);
        }
        if (run > 0) perChannel[last] = perChannel.GetValueOrDefault(last) + run;
        return new MatchSummary(
            mode,
            matches.Pairs.Select(p => (p.Key, p.Value.Count)).ToArray(),
            perChannel.Select(kv => (kv.Key, kv.Value)).ToArray());
    }

    /// <summary>Per-pair text lines such as <c>0,1: 176 matches (45.2 % of 389 in c0, 46.0 % of 386 in c1)</c>.</summary>
    public IEnumerable<string> Lines()
    {
        var n = BlobsPerChannel.ToDictionary(t => t.Channel, t => t.Blobs);
        foreach (var (pair, count) in Pairs)
        {
            int na = n.GetValueOrDefault(pair.A), nb = n.GetValueOrDefault(pair.B);
            yield return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{pair.Key}: {count} matches ({Pct(count, na):0.0} % of {na} in c{pair.A}, {Pct(count, nb):0.0} % of {nb} in c{pair.B})");
        }
    }

    private static double Pct(int k, int n) => n == 0 ? 0 : 100.0 * k / n;
}
