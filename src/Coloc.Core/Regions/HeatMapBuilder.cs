using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;

namespace Coloc.Core.Regions;

/// <summary>
/// Builds <see cref="HeatMap"/>s as MagellanMapper's <c>export_regions.make_density_image</c> does: coordinates
/// scaled by <see cref="GridScaler"/> and counted per voxel. Memory: one <c>int</c> per labels voxel per map.
/// The result does not depend on the order of the coordinates.
/// </summary>
public static class HeatMapBuilder
{
    /// <summary>Counts every coordinate of <paramref name="coords"/> (full-resolution voxels, z,y,x).</summary>
    public static HeatMap Build(GridScaler scaler, ReadOnlySpan<Zyx> coords)
    {
        var acc = new Accumulator(scaler);
        for (int i = 0; i < coords.Length; i++) acc.Add(coords[i], i);
        return acc.ToHeatMap();
    }

    /// <summary>Counts the blobs of <paramref name="blobs"/> whose channel is <paramref name="channel"/> (MagellanMapper's <c>channel=[k]</c>); <see cref="HeatMap.Outside"/> holds positions in <paramref name="blobs"/>.</summary>
    public static HeatMap ForChannel(GridScaler scaler, ReadOnlySpan<Blob> blobs, int channel)
    {
        var acc = new Accumulator(scaler);
        for (int i = 0; i < blobs.Length; i++)
            if ((int)blobs[i].Channel == channel) acc.Add(blobs[i].Center, i);
        return acc.ToHeatMap();
    }

    /// <summary>
    /// Counts channel a's blob (<see cref="MatchRow.Blob1"/>) of each match of one channel pair, as
    /// <c>make_density_image</c> counts <c>BlobMatch.get_blobs(1)</c>; <see cref="HeatMap.Outside"/> holds row positions.
    /// <para>Difference from MagellanMapper (fixed here): a pair without matches (null or empty) gives a map of zeros;
    /// MagellanMapper raises <c>TypeError</c>.</para>
    /// </summary>
    public static HeatMap ForMatches(GridScaler scaler, BlobMatch? matches)
    {
        var acc = new Accumulator(scaler);
        if (matches is not null)
            for (int i = 0; i < matches.Count; i++) acc.Add(matches.Rows[i].Blob1.Center, i);
        return acc.ToHeatMap();
    }

    private sealed class Accumulator(GridScaler scaler)
    {
        private readonly int[] _counts = new int[checked((int)scaler.Shape.Volume)];
        private readonly List<int> _outside = [];
        private int _clipped;
        private long _total;

        public void Add(Zyx coord, int position)
        {
            switch (scaler.Place(coord, out long flat))
            {
                case GridPlacement.Outside:
                    _outside.Add(position);
                    return;
                case GridPlacement.ClippedAtTop:
                    _clipped++;
                    break;
            }
            _counts[flat]++;
            _total++;
        }

        public HeatMap ToHeatMap() => new(scaler.Shape, _counts, [.. _outside], _clipped, _total);
    }
}
