using Coloc.Core.Intensity;
using Coloc.Core.Matching;
using Coloc.IO.Files;
using Coloc.IO.Json;

namespace Coloc.IO.Results;

/// <summary>
/// <c>summary.json</c> as every result writer composes it (<see cref="ResultWriter"/> in memory,
/// <see cref="SlabResultWriter"/> out of core): the counts, the tolerance the matches were made with
/// (<c>tol_voxels</c>, from the request when the summary lacks it), the request's parameters, multi-positive sets and
/// intensity thresholds when the run has them.
/// </summary>
internal static class SummaryFile
{
    /// <summary>Stages <c>summary.json</c> into <paramref name="staged"/>.</summary>
    public static void Stage(StagedFolder staged, MatchSummary summary, MatchRequest? request,
        IReadOnlyList<MultiPositiveSet>? multiPositive = null, IntensityFlags? intensity = null)
    {
        if (request is not null && summary.TolVoxels is null) summary = summary with { TolVoxels = request.EffectiveTolVoxels() };
        staged.Write("summary.json", s => SummaryJson.Write(s, summary, w =>
        {
            if (request is not null) MatchParametersJson.Write(w, request);
            if (multiPositive is not null) MultiPositiveJson.Write(w, multiPositive);
            if (intensity is not null) IntensityThresholdsJson.Write(w, intensity);
        }));
    }
}
