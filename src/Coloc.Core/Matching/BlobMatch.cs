using Coloc.Core.Blobs;
using Coloc.Core.Geometry;

namespace Coloc.Core.Matching;

/// <summary>
/// The matches of one channel pair, as MagellanMapper's <c>BlobMatch</c>: rows of
/// <c>MatchID, RoiID, Blob1ID, Blob1, Blob2ID, Blob2, Distance</c> in a defined order.
/// </summary>
public sealed class BlobMatch
{
    private MatchRow[] _rows;

    /// <summary>Creates a table from rows (the array is not copied).</summary>
    public BlobMatch(MatchRow[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = rows;
    }

    /// <summary>An empty table.</summary>
    public static BlobMatch Empty() => new([]);

    /// <summary>The rows in table order.</summary>
    public IReadOnlyList<MatchRow> Rows => _rows;

    /// <summary>Number of matches.</summary>
    public int Count => _rows.Length;

    /// <summary>Mean z,y,x of each pair (voxels), set by <see cref="GetMeanCoords"/>; null before.</summary>
    public Zyx[]? Coords { get; private set; }

    /// <summary>
    /// One colour per match, 0xAARRGGBB, for overlays: a fixed pseudo-random hue sequence indexed by row,
    /// so the same table always gets the same colours.
    /// </summary>
    public uint[] Cmap => MatchColors.For(_rows.Length);

    /// <summary>The blobs of side 1 (Blob1) or 2 (Blob2), or null when the table is empty (as MagellanMapper's <c>get_blobs</c>).</summary>
    public Blob[]? GetBlobs(int side)
    {
        if (side is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(side), side, "side is 1 or 2");
        if (_rows.Length == 0) return null;
        var r = new Blob[_rows.Length];
        for (int i = 0; i < r.Length; i++) r[i] = side == 1 ? _rows[i].Blob1 : _rows[i].Blob2;
        return r;
    }

    /// <summary>Replaces every Blob1 and Blob2 by <paramref name="fn"/> of it (MagellanMapper's <c>update_blobs</c>).</summary>
    public void UpdateBlobs(Func<Blob, Blob> fn)
    {
        ArgumentNullException.ThrowIfNull(fn);
        var next = new MatchRow[_rows.Length];
        for (int i = 0; i < next.Length; i++)
            next[i] = _rows[i] with { Blob1 = fn(_rows[i].Blob1), Blob2 = fn(_rows[i].Blob2) };
        _rows = next;
        Coords = null;
    }

    /// <summary>
    /// The element-wise mean z,y,x of each pair, <c>(blob1 + blob2) / 2</c> in voxels; also kept in <see
    /// cref="Coords"/>. An empty table gives an empty array (MagellanMapper raises; README, Differences from
    /// MagellanMapper, D14).
    /// </summary>
    public Zyx[] GetMeanCoords()
    {
        var c = new Zyx[_rows.Length];
        for (int i = 0; i < c.Length; i++)
        {
            var (a, b) = (_rows[i].Blob1, _rows[i].Blob2);
            c[i] = new Zyx((a.Z + b.Z) / 2, (a.Y + b.Y) / 2, (a.X + b.X) / 2);
        }
        Coords = c;
        return c;
    }
}
