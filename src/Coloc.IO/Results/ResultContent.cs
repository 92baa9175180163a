using Coloc.Core.Blobs;
using Coloc.Core.Intensity;
using Coloc.Core.Matching;
using Coloc.Core.Pipeline;

namespace Coloc.IO.Results;

/// <summary>
/// What one run produced, as <see cref="ResultWriter"/> writes it: the match tables and their summary always, the
/// blob and intensity tables when the run detected the blobs itself (<c>coloc run</c>, <c>coloc merge</c>).
/// </summary>
/// <param name="Matches">Match colocalization per channel pair (ids, if any, are replaced when a database is written).</param>
/// <param name="Summary">Match counts per pair and blobs per channel.</param>
public sealed record ResultContent(MatchSet Matches, MatchSummary Summary)
{
    /// <summary>Detected blobs in canonical order (<c>blobs.csv</c>), or null for match-only results.</summary>
    public Blob[]? Blobs { get; init; }

    /// <summary>
    /// Intensity flags and thresholds, rows in <see cref="Blobs"/> order (<c>intensity.csv</c> and the
    /// <c>intensity_thresholds</c> section of <c>summary.json</c>), or null. Needs <see cref="Blobs"/>.
    /// </summary>
    public IntensityFlags? Intensity { get; init; }

    /// <summary>
    /// The match request that produced <see cref="Matches"/>, or null: when set, <c>summary.json</c> records its
    /// parameters (<see cref="Json.MatchParametersJson"/>), the same bytes from every front.
    /// </summary>
    public MatchRequest? Request { get; init; }

    /// <summary>The whole-image result of detect → match → intensity: every table.</summary>
    public static ResultContent Of(PipelineResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ResultContent(result.Matches, result.Summary) { Blobs = result.Blobs, Intensity = result.Intensity };
    }
}
