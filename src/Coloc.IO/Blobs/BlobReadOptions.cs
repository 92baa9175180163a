using Coloc.Core.Geometry;

namespace Coloc.IO.Blobs;

/// <summary>How <see cref="BlobFormats"/> reads blob files that need more than the file says. Immutable.</summary>
public sealed record BlobReadOptions
{
    /// <summary>Column map of delimited text: our column name (z, y, x, radius, confirmed, truth, channel) → the file's header name; null = Coloc's CSV header.</summary>
    public IReadOnlyDictionary<string, string>? Columns { get; init; }

    /// <summary>Units of the coordinates and radius of delimited text. Default voxels.</summary>
    public BlobUnits Units { get; init; } = BlobUnits.Voxel;

    /// <summary>Resolution z,y,x in µm per voxel, used to convert micrometres to voxels; null = not known.</summary>
    public Zyx? ResolutionUm { get; init; }

    /// <summary>
    /// Channels of the ImageJ hyperstack point ROIs were drawn on, N ≥ 1: a point's stack position p (1-based) is
    /// channel (p−1) mod N, slice (p−1) div N. Default 1 (a plain z-stack: the position is the slice).
    /// </summary>
    public int RoiStackChannels { get; init; } = 1;

    /// <summary>Keep further columns (TrackMate features); false when only the blobs are needed. Default true.</summary>
    public bool KeepFeatures { get; init; } = true;

    /// <summary>Parser threads for CSV (0 = all cores).</summary>
    public int Threads { get; init; }

    /// <summary>Defaults: Coloc's CSV header, voxels, no resolution.</summary>
    public static BlobReadOptions Default { get; } = new();
}
