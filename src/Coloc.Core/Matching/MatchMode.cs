namespace Coloc.Core.Matching;

/// <summary>How blobs are paired between channels.</summary>
public enum MatchMode
{
    /// <summary>
    /// The largest one-to-one matching of admissible pairs (scaled distance &lt; max(tol)), then the smallest total
    /// distance; independent of row order, block size and thread count.
    /// </summary>
    Exact,

    /// <summary>MagellanMapper 1.7's colocalizer reproduced row for row, quirks included.</summary>
    Magmap,
}
