using Coloc.Cli.Parameters;
using Coloc.Core.Geometry;
using Coloc.Core.Parameters;
using Coloc.IO.Blobs;

namespace Coloc.Cli;

/// <summary>Reads the blob files a command line names (<see cref="BlobInputParameters"/>) into one table.</summary>
internal static class BlobInputs
{
    /// <summary>Reads the files of <paramref name="files"/> (<c>--blobs</c> or <c>--in</c>) with the reading options given.</summary>
    /// <param name="values">The command line.</param>
    /// <param name="files">Which parameter names the files.</param>
    /// <param name="imageResolutionUm">The image's voxel size, for µm text when <c>--resolution</c> is not given.</param>
    /// <param name="keepFeatures">Keep further columns (only <c>coloc blobs</c> writes them).</param>
    /// <param name="threads">CSV parser threads (0 = all cores).</param>
    public static BlobTable Read(IParameterValues values, ParameterSpec files, Zyx? imageResolutionUm = null, bool keepFeatures = false, int threads = 0)
    {
        var paths = values.Texts(files);
        if (paths.Count == 0) throw new ParameterException(files, "give at least one file");
        var options = new BlobReadOptions
        {
            Columns = values.Get(BlobInputParameters.Columns) is { } map ? ColumnMap(map) : null,
            Units = values.Choice(BlobInputParameters.Units) == "um" ? BlobUnits.Micrometre : BlobUnits.Voxel,
            ResolutionUm = values.Given(SharedParameters.Resolution) ? values.PositiveVector(SharedParameters.Resolution) : imageResolutionUm,
            RoiStackChannels = values.Integer(BlobInputParameters.RoiChannels, 1),
            KeepFeatures = keepFeatures,
            Threads = threads,
        };
        if (options.Columns is null && values.Given(BlobInputParameters.Units))
            throw new ParameterException(BlobInputParameters.Units, "needs {0}", BlobInputParameters.Columns);
        return BlobFormats.ReadAll(paths, options);
    }

    /// <summary>Parses <c>z=POSITION_Z,y=POSITION_Y,…</c>.</summary>
    public static IReadOnlyDictionary<string, string> ColumnMap(string text)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == part.Length - 1)
                throw new ParameterException(BlobInputParameters.Columns, $"'{part}' is not OURS=THEIRS (e.g. z=POSITION_Z)");
            string ours = part[..eq].Trim();
            if (!map.TryAdd(ours, part[(eq + 1)..].Trim()))
                throw new ParameterException(BlobInputParameters.Columns, $"'{ours}' is mapped twice");
        }
        return map;
    }
}
