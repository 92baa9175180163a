using Coloc.Core.Blobs;

namespace Coloc.Core.Matching;

/// <summary>
/// One row of a <see cref="BlobMatch"/> table: MagellanMapper's columns
/// <c>MatchID, RoiID, Blob1ID, Blob1, Blob2ID, Blob2, Distance</c>.
/// </summary>
/// <param name="MatchId">Database id of the match; null until a database assigns it.</param>
/// <param name="RoiId">Database id of the ROI; null until a database assigns it.</param>
/// <param name="Blob1Id">Database id of Blob1; null until a database assigns it.</param>
/// <param name="Blob1">The lower-channel blob.</param>
/// <param name="Blob2Id">Database id of Blob2; null until a database assigns it.</param>
/// <param name="Blob2">The higher-channel blob.</param>
/// <param name="Distance">Scaled distance: Euclidean distance after multiplying each axis by <c>max(tol)/tol</c>, in units of the largest tolerance axis (voxels).</param>
public readonly record struct MatchRow(
    long? MatchId, long? RoiId, long? Blob1Id, Blob Blob1, long? Blob2Id, Blob Blob2, double Distance)
{
    /// <summary>A row without database ids.</summary>
    public static MatchRow Of(Blob blob1, Blob blob2, double distance) =>
        new(null, null, null, blob1, null, blob2, distance);
}
