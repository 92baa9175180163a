using Coloc.Core.Geometry;

namespace Coloc.Core.Regions;

/// <summary>
/// A density ("heat") map on the labels grid: the number of coordinates that land in each voxel, as
/// MagellanMapper's <c>cv_nd.build_heat_map</c>, plus the coordinates it could not place.
/// <para>Difference from MagellanMapper (fixed here): every placed coordinate adds 1 to its voxel, so
/// <see cref="Total"/> = placed coordinates. MagellanMapper assigns counts of unique index rows, so a wrapped
/// negative index and the real one addressing the same voxel overwrite each other (last write wins); here the
/// negative one is <see cref="Outside"/> instead. MagellanMapper picks the smallest unsigned dtype holding
/// <see cref="Max"/>; that is a writer's choice and not made here.</para>
/// </summary>
public sealed class HeatMap
{
    private readonly int[] _counts;
    private readonly int[] _outside;

    internal HeatMap(ZyxInt shape, int[] counts, int[] outside, int clippedAtTop, long total)
    {
        Shape = shape;
        _counts = counts;
        _outside = outside;
        ClippedAtTop = clippedAtTop;
        Total = total;
    }

    /// <summary>The labels grid shape, voxels, z,y,x.</summary>
    public ZyxInt Shape { get; }

    /// <summary>Counts per voxel, C order (x fastest).</summary>
    public ReadOnlySpan<int> Counts => _counts;

    /// <summary>The counts array itself, for one-pass readers in this assembly (not to be modified).</summary>
    internal int[] CountsArray => _counts;

    /// <summary>Positions (in the input order) of the coordinates not counted because they fall below index 0 or are not finite.</summary>
    public IReadOnlyList<int> Outside => _outside;

    /// <summary>How many counted coordinates were past the last index on some axis and clipped to it (as MagellanMapper does).</summary>
    public int ClippedAtTop { get; }

    /// <summary>Sum of all counts = input coordinates minus <see cref="Outside"/>.</summary>
    public long Total { get; }

    /// <summary>The largest voxel count (0 for an empty map).</summary>
    public int Max
    {
        get
        {
            int m = 0;
            foreach (int c in _counts) if (c > m) m = c;
            return m;
        }
    }
}
