using Coloc.Core.Blobs;
using Coloc.Core.Geometry;

namespace Coloc.Core.Matching.Magmap;

/// <summary>
/// Match-based colocalization of one ROI exactly as MagellanMapper's <c>colocalizer.colocalize_blobs_match</c>
/// (tolerance from <c>verifier.setup_match_blobs_roi</c>, two passes per channel pair as in <see
/// cref="MagmapPairMatcher"/>). All vectors are z,y,x here; MagellanMapper's x,y,z offset and size are reversed by the
/// caller.
/// </summary>
public static class MagmapRoiColocalizer
{
    /// <summary>Colocalizes every channel pair inside <paramref name="roi"/>.</summary>
    /// <param name="blobs">All blobs; channel values are whole numbers.</param>
    /// <param name="roi">The ROI, half-open, voxels.</param>
    /// <param name="tolVoxels">Match tolerance z,y,x in voxels.</param>
    /// <param name="innerPaddingVoxels">Inner padding z,y,x; default <c>floor(tol)</c>.</param>
    /// <param name="channels">Channels to pair (default all channels present among <paramref name="blobs"/>).</param>
    /// <returns>One entry per pair <c>a &lt; b</c> of the channels present, even when a pair has no match.</returns>
    public static MatchSet Colocalize(
        ReadOnlySpan<Blob> blobs, Box roi, Zyx tolVoxels, Zyx? innerPaddingVoxels = null,
        IReadOnlyCollection<int>? channels = null)
    {
        var tol = new MatchTolerance(tolVoxels);
        var coords = new ScaledCoords(blobs, tol);
        var inner = InnerRegion.Of(roi, innerPaddingVoxels ?? tol.DefaultInnerPaddingVoxels);
        var chls = ChannelSelection.Of(blobs, channels);
        var perChannel = new Dictionary<int, int[]>();
        foreach (int c in chls)
        {
            var idx = new List<int>();
            for (int i = 0; i < blobs.Length; i++)
                if (blobs[i].Channel == c && roi.Contains(blobs[i].Center)) idx.Add(i);
            perChannel[c] = idx.ToArray();
        }
        var result = new MatchSet();
        foreach (var pair in ChannelPair.AllOf(chls))
        {
            var rows = MagmapPairMatcher.Match(blobs, coords, perChannel[pair.A], perChannel[pair.B], inner, tol);
            result.Add(pair, new BlobMatch(rows));
        }
        return result;
    }
}
