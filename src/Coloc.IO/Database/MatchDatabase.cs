using Coloc.Core.Geometry;
using Coloc.Core.Matching;

namespace Coloc.IO.Database;

/// <summary>
/// Stores and reads whole-image match results in a <see cref="ClrDb"/>, compatible with MagellanMapper's
/// <c>colocalizer.insert_matches</c> / <c>select_matches</c>, with lost matches with three or more channels and reads
/// that insert rows fixed (README, Differences from MagellanMapper, D18, D20).
/// </summary>
public static class MatchDatabase
{
    /// <summary>
    /// Inserts every match of <paramref name="matches"/> under experiment <paramref name="expName"/> in one
    /// transaction: the experiment (reused when a row with that name exists, else inserted with the current date), the
    /// whole-image ROI (offset 0,0,0, size 0,0,0, series 0; reused when present), then per channel pair in key order
    /// the pair's Blob1 rows followed by its Blob2 rows in table order (<c>INSERT OR REPLACE</c>, as MagellanMapper),
    /// then its matches in table order. A blob (same x,y,z,truth,channel) already inserted by this call is never
    /// inserted again: its id is reused, so no earlier match is lost (README, Differences from MagellanMapper, D18).
    /// With one channel pair the ids equal MagellanMapper's; with more pairs they are smaller from the first shared
    /// blob on, because MagellanMapper deletes and re-inserts shared blobs (new ids) and loses the matches that pointed
    /// at them. A blob stored by an earlier call is replaced as MagellanMapper does (new id; its old matches are
    /// deleted by the cascade).
    /// </summary>
    /// <param name="db">A database opened with <see cref="ClrDb.Open"/>.</param>
    /// <param name="matches">The result to store (ids in it are ignored).</param>
    /// <param name="expName">Experiment name, normally the image file name without folder and extension; never empty.</param>
    /// <param name="beforeCommit">Called with the stored matches (ids filled) just before the commit; an exception from it rolls the insert back. Lets a caller stage other output so both land or neither.</param>
    /// <param name="cancellationToken">Cancels the insert; nothing is written then.</param>
    /// <returns>The same matches with <c>MatchID</c>, <c>RoiID</c>, <c>Blob1ID</c> and <c>Blob2ID</c> filled.</returns>
    /// <exception cref="ColocFormatException">A non-finite value, a conflicting ROI (README, Differences from
    /// MagellanMapper, D21), a lock or an I/O error; the database is unchanged.</exception>
    public static MatchSet InsertMatches(
        ClrDb db, MatchSet matches, string expName, Action<MatchSet>? beforeCommit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentException.ThrowIfNullOrEmpty(expName);
        return db.Write("insert matches", tx =>
        {
            var stored = new MatchInserter(db, tx, cancellationToken).Insert(matches, expName);
            beforeCommit?.Invoke(stored);
            return stored;
        });
    }

    /// <summary>
    /// Reads the whole-image matches of experiment <paramref name="expName"/>, optionally only those whose two blobs
    /// both lie in the half-open box <c>offset ≤ z,y,x &lt; offset + shape</c> (voxels), split into one table per
    /// channel pair as MagellanMapper's <c>select_matches</c>: for each <c>c1</c> in <paramref name="channels"/> and
    /// each <c>c2</c> in <paramref name="channels"/> with <c>c1 &lt; c2</c> (in that loop order) the pair is present
    /// when some selected match has a Blob1 of channel <c>c1</c>, and holds those whose Blob2 has channel <c>c2</c>.
    /// Rows are in match-id order with all four ids filled. Never writes (README, Differences from MagellanMapper,
    /// D20): a missing experiment is an error, a missing whole-image ROI or no match gives an empty set.
    /// </summary>
    /// <param name="db">An open database (read-only is enough).</param>
    /// <param name="channels">Channels to pair, 0-based.</param>
    /// <param name="offsetZyx">Box offset z,y,x in voxels, or null for the whole image (then <paramref name="shapeZyx"/> must be null too).</param>
    /// <param name="shapeZyx">Box size z,y,x in voxels, or null.</param>
    /// <param name="expName">Experiment name; null picks the only experiment and is an error when there are several.</param>
    /// <exception cref="ColocFormatException">No such experiment, several experiments and no name, a lock or an I/O error.</exception>
    public static MatchSet SelectMatches(ClrDb db, IReadOnlyList<int> channels, Zyx? offsetZyx = null, Zyx? shapeZyx = null, string? expName = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(channels);
        if (offsetZyx.HasValue != shapeZyx.HasValue)
            throw new ArgumentException("give both the offset and the shape of the region, or neither");
        Box? box = offsetZyx is { } o && shapeZyx is { } s ? new Box(o, s) : null;
        return db.Read("select matches", () => MatchSelector.Select(db, channels, box, expName));
    }
}
