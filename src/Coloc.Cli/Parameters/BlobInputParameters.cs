using Coloc.Core.Parameters;

namespace Coloc.Cli.Parameters;

/// <summary>
/// How the command line reads blob files in every format Coloc.IO knows (<c>Coloc.IO.Blobs.BlobFormats</c>): the
/// repeatable <c>--blobs</c> and the options of formats that need more than the file says. Command-line only (the
/// Fiji plugin keeps its own <c>blobs</c> key), so declared here, with the same <see cref="ParameterSpec"/>.
/// </summary>
public static class BlobInputParameters
{
    /// <summary>The formats in words (help texts).</summary>
    public const string Formats =
        "Coloc CSV, MagellanMapper *_blobs.npz, TrackMate XML, Cell Counter XML, ImageJ point .roi or RoiSet.zip, delimited text with --columns";

    /// <summary>Blob files, repeatable; channel from the file, else from its place among the files.</summary>
    public static ParameterSpec Blobs { get; } = new("blobs", ParameterKind.FileIn,
        "Blob file: " + Formats + "; a file that does not give the channel gets its place among the --blobs files (0-based)")
    { Flag = "--blobs", Required = true, Repeatable = true };

    /// <summary>Input files of <c>coloc blobs</c>.</summary>
    public static ParameterSpec In { get; } = Blobs with { Name = "input", Flag = "--in" };

    /// <summary>Column map of delimited text.</summary>
    public static ParameterSpec Columns { get; } = new("columns", ParameterKind.Text,
        "Read the blob files as delimited text (comma, tab or semicolon) with this column map: z=NAME,y=NAME,x=NAME and optionally radius=, confirmed=, truth=, channel=")
    { Flag = "--columns" };

    /// <summary>Units of delimited text.</summary>
    public static ParameterSpec Units { get; } = new("units", ParameterKind.Choice,
        "Units of the coordinates and radius of --columns text: voxel, or um (divided by the resolution: --resolution, else the image's)")
    { Flag = "--units", Default = "voxel", Choices = ["voxel", "um"] };

    /// <summary>Channels of the hyperstack ImageJ point ROIs were drawn on.</summary>
    public static ParameterSpec RoiChannels { get; } = new("ROI channels", ParameterKind.Integer,
        "ImageJ point ROIs: channels N of the hyperstack they are drawn on; a point's stack position p is channel (p-1) mod N, slice (p-1) div N (read and, by coloc blobs, written)")
    { Flag = "--roi-channels", Minimum = 1, Default = "1" };

    /// <summary>The reading options every blob-taking command adds after its own.</summary>
    public static IReadOnlyList<ParameterSpec> Reading { get; } = [Columns, Units, RoiChannels];

    /// <summary><paramref name="parameters"/> with the single-CSV <c>blobs</c> replaced by <see cref="Blobs"/>, followed by <see cref="Reading"/>.</summary>
    public static IReadOnlyList<ParameterSpec> WithBlobFiles(IEnumerable<ParameterSpec> parameters) =>
        [.. parameters.Select(p => p.Name == Blobs.Name ? Blobs : p), .. Reading];
}
