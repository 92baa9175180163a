using Coloc.Core.Blobs;
using Coloc.Core.Matching;
using Coloc.Core.Intensity;

namespace Coloc.Core.Pipeline;

/// <summary>The whole-image result of detect → match → intensity.</summary>
/// <param name="Blobs">Detected blobs in canonical order (<see cref="BlobOrder"/>), voxels.</param>
/// <param name="Intensity">Intensity colocalization flags and thresholds, rows in <see cref="Blobs"/> order.</param>
/// <param name="Matches">Match colocalization of every channel pair.</param>
/// <param name="Summary">Match counts per pair and blobs per channel.</param>
public sealed record PipelineResult(Blob[] Blobs, IntensityFlags Intensity, MatchSet Matches, MatchSummary Summary);
