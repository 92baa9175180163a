using Coloc.Core.Blobs;
using Coloc.Core.Geometry;

namespace Coloc.IO.Blobs;

/// <summary>
/// The blobs of one file (or several joined) in Coloc's columns, plus what the file said about them: further columns
/// (TrackMate features, an archive's region column), the voxel size and the experiment name it names.
/// </summary>
/// <param name="Source">The file read (names of the files joined by <c>+</c>).</param>
/// <param name="Format">Its format.</param>
/// <param name="Blobs">The blobs, in file order, coordinates in voxels.</param>
public sealed record BlobTable(string Source, BlobFormat Format, Blob[] Blobs)
{
    /// <summary>Names of the further columns, in file order.</summary>
    public IReadOnlyList<string> ExtraColumns { get; init; } = [];

    /// <summary>Further column values, row-major: <c>Blobs.Length × ExtraColumns.Count</c>; NaN where a blob has no value.</summary>
    public double[] ExtraValues { get; init; } = [];

    /// <summary>True when the file gives each blob's channel; false when the channel is the file's place among the inputs.</summary>
    public bool ChannelFromFile { get; init; }

    /// <summary>The voxel size z,y,x in µm per voxel the file records, or null.</summary>
    public Zyx? ResolutionUm { get; init; }

    /// <summary>The name of the image the file names (an archive's <c>basename</c>, Cell Counter's image file), or null.</summary>
    public string? ImageName { get; init; }

    /// <summary>What was not read (e.g. pickled archive members skipped), one short note each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Extra column <paramref name="column"/> of blob <paramref name="row"/>.</summary>
    public double Extra(int row, int column) => ExtraValues[row * ExtraColumns.Count + column];

    /// <summary>A copy whose blobs all have channel <paramref name="channel"/>.</summary>
    public BlobTable WithChannel(int channel) =>
        this with { Blobs = Array.ConvertAll(Blobs, b => b with { Channel = channel }) };
}
