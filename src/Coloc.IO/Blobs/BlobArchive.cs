using Coloc.IO.Numpy;

namespace Coloc.IO.Blobs;

/// <summary>
/// A MagellanMapper blob archive (<c>*_blobs.npz</c>, written by <c>Blobs.save_archive</c>), read without unpickling.
/// <para>
/// Members: <c>ver</c> (0-d int), <c>segments</c> (the blobs, float64 rows × columns, often stored in Fortran order),
/// <c>columns</c> (text names, archive version 4 and later), <c>colocs</c> (uint8 blobs × channels),
/// <c>resolutions</c> (float64 rows of z, y, x in µm per voxel), <c>basename</c> (0-d text), <c>offset</c> and
/// <c>roi_size</c> (int64 z, y, x in voxels). Members stored as <c>None</c> or other Python objects are pickles: they are
/// skipped (<see cref="SkippedKeys"/>) and the property stays null, exactly as MagellanMapper's loader does with numpy's
/// default <c>allow_pickle=False</c>. The blob values are never changed.
/// </para>
/// <para>
/// Two column namings are given. <see cref="MagellanMapperHeader"/> reproduces <c>Blobs().load_blobs</c> (MagellanMapper
/// 1.7): names from <c>columns</c>, else the first n of <see cref="PositionalColumns"/>; then for archive versions ≤ 4 the
/// last three names are dropped whatever they are (meant for the abs_z/abs_y/abs_x names), positions without a name
/// become <c>unnamed_i</c>. That mislabels two old layouts: a v4 archive whose <c>region</c> column follows the abs names
/// gets <c>region</c> named <c>abs_z</c>, and a v3 archive (no <c>columns</c>) keeps only <c>z,y,x,radius</c>, so its
/// confirmed/truth/channel columns become unnamed. <see cref="Columns"/> reads them right: when there are more names than
/// data columns, the abs_z/abs_y/abs_x names (whose data <c>remove_abs_blob_coords</c> dropped) are removed first; without
/// <c>columns</c>, names come by MagellanMapper's positions. For current (v5) archives both namings are equal.
/// </para>
/// </summary>
public sealed class BlobArchive
{
    /// <summary>MagellanMapper's column positions: the default names of an archive without a <c>columns</c> member.</summary>
    public static IReadOnlyList<string> PositionalColumns { get; } =
        ["z", "y", "x", "radius", "confirmed", "truth", "channel", "abs_z", "abs_y", "abs_x", "region"];

    /// <summary>The archive version MagellanMapper sets after loading (<c>BLOBS_NP_VER</c>).</summary>
    public const int CurrentVersion = 5;

    private static readonly string[] AbsNames = ["abs_z", "abs_y", "abs_x"];

    private BlobArchive() { }

    /// <summary>The file read.</summary>
    public string Path { get; private init; } = "";

    /// <summary>Keys of every archive member, in file order.</summary>
    public IReadOnlyList<string> Keys { get; private init; } = [];

    /// <summary>Keys of members skipped because they hold pickled objects (e.g. <c>None</c>) or are not NPY arrays, in file order.</summary>
    public IReadOnlyList<string> SkippedKeys { get; private init; } = [];

    /// <summary>The <c>ver</c> member; null when absent or skipped (MagellanMapper then treats the archive as current).</summary>
    public long? VersionInArchive { get; private init; }

    /// <summary>The version MagellanMapper's <c>load_blobs</c> leaves in <c>Blobs.ver</c>: always <see cref="CurrentVersion"/>, whatever the file says.</summary>
    public int VersionAfterLoad => CurrentVersion;

    /// <summary>Blob values, row-major: <see cref="RowCount"/> × <see cref="ColumnCount"/>, as stored (converted to double).</summary>
    public double[] Values { get; private init; } = [];

    /// <summary>Number of blobs.</summary>
    public int RowCount { get; private init; }

    /// <summary>Number of data columns.</summary>
    public int ColumnCount { get; private init; }

    /// <summary>The value at blob <paramref name="row"/>, column <paramref name="column"/>.</summary>
    public double this[int row, int column] => Values[row * ColumnCount + column];

    /// <summary>Correct column names, one per data column (see the class remarks); <c>unnamed_i</c> where unknown.</summary>
    public IReadOnlyList<string> Columns { get; private init; } = [];

    /// <summary><c>Blobs.cols</c> after MagellanMapper's <c>load_blobs</c> (may be shorter or longer than the data).</summary>
    public IReadOnlyList<string> MagellanMapperColumns { get; private init; } = [];

    /// <summary>
    /// One name per data column as MagellanMapper labels it: <see cref="MagellanMapperColumns"/>, cut to the data, with
    /// <c>unnamed_i</c> for position i beyond them.
    /// </summary>
    public IReadOnlyList<string> MagellanMapperHeader { get; private init; } = [];

    /// <summary>The <c>resolutions</c> member (rows of z, y, x in µm per voxel), or null.</summary>
    public NpyArray? Resolutions { get; private init; }

    /// <summary>The first row of <see cref="Resolutions"/> (z, y, x µm per voxel), or null.</summary>
    public double[]? Resolution => Resolutions is { Count: >= 3 } r ? r.ToDoubles()[..3] : null;

    /// <summary>The <c>basename</c> member (the image the blobs were detected in), or null.</summary>
    public string? Basename { get; private init; }

    /// <summary>The <c>offset</c> member (z, y, x voxels of the region of interest), or null.</summary>
    public IReadOnlyList<long>? RoiOffset { get; private init; }

    /// <summary>The <c>roi_size</c> member (z, y, x voxels), or null.</summary>
    public IReadOnlyList<long>? RoiSize { get; private init; }

    /// <summary>The <c>colocs</c> member (blobs × channels, 1 where the blob has a match in that channel), or null.</summary>
    public NpyArray? Colocalizations { get; private init; }

    /// <summary>Index of <paramref name="name"/> in <see cref="Columns"/>, or -1.</summary>
    public int ColumnIndex(string name) => Columns.ToList().IndexOf(name);

    /// <summary>Reads the archive at <paramref name="path"/>.</summary>
    /// <exception cref="ColocFormatException">Missing, damaged or unsupported file or member; the message names the file and the problem.</exception>
    public static BlobArchive Read(string path)
    {
        var npz = NpzReader.Read(path);

        long? ver = null;
        if (npz["ver"] is { } v)
        {
            var ints = v.ToInt64s();
            ver = ints is { Length: 1 } ? ints[0] : throw Bad(path, "ver", "is not one integer");
        }

        string[]? stored = null;
        if (npz["columns"] is { } c)
            stored = c.ToStrings() is { } s && c.Shape.Count <= 1 ? s : throw Bad(path, "columns", "is not a list of names");

        double[] values = [];
        int rows = 0, cols = 0;
        if (npz["segments"] is { } seg)
        {
            if (!seg.Dtype.IsNumeric) throw Bad(path, "segments", $"holds {seg.Dtype.Descr}, not numbers");
            if (seg.Shape.Count == 2) { rows = (int)seg.Shape[0]; cols = (int)seg.Shape[1]; values = seg.Dtype is { Kind: 'f', ItemSize: 8 } ? (double[])seg.Data : seg.ToDoubles(); } // the float64 array is ours: no copy
            else if (seg.Count != 0) throw Bad(path, "segments", $"has {seg.Shape.Count} dimensions, not 2");
        }

        // MagellanMapper's load_blobs: names from columns, else the first n defaults; then the positional v<=4 trim.
        var mm = stored?.ToList() ?? PositionalColumns.Take(cols).ToList();
        if ((ver ?? CurrentVersion) <= 4) mm = mm.Take(PythonSliceStop(mm.Count, mm.Count - 3)).ToList();
        var mmHeader = Enumerable.Range(0, cols).Select(i => i < mm.Count ? mm[i] : $"unnamed_{i}").ToList();

        // Correct reading: drop the names of removed absolute coordinates when there are more names than data.
        var names = stored?.ToList() ?? PositionalColumns.Take(cols).ToList();
        foreach (string abs in AbsNames)
            if (names.Count > cols) names.Remove(abs);
        var correct = Enumerable.Range(0, cols).Select(i => i < names.Count ? names[i] : $"unnamed_{i}").ToList();

        string? basename = null;
        if (npz["basename"] is { } b)
            basename = b.ToStrings() is { Length: 1 } bs ? bs[0] : throw Bad(path, "basename", "is not one text");

        return new BlobArchive
        {
            Path = path,
            Keys = npz.Keys,
            SkippedKeys = npz.SkippedKeys,
            VersionInArchive = ver,
            Values = values,
            RowCount = rows,
            ColumnCount = cols,
            Columns = correct,
            MagellanMapperColumns = mm,
            MagellanMapperHeader = mmHeader,
            Resolutions = npz["resolutions"] is { } r && !r.Dtype.IsNumeric ? throw Bad(path, "resolutions", "is not numbers") : npz["resolutions"],
            Basename = basename,
            RoiOffset = ZyxInts(npz["offset"], path, "offset"),
            RoiSize = ZyxInts(npz["roi_size"], path, "roi_size"),
            Colocalizations = npz["colocs"] is { } co && !co.Dtype.IsNumeric ? throw Bad(path, "colocs", "is not numbers") : npz["colocs"],
        };
    }

    /// <summary>Python's <c>list[:stop]</c> length for a list of <paramref name="count"/> items (negative stops count from the end).</summary>
    private static int PythonSliceStop(int count, int stop) =>
        stop >= 0 ? Math.Min(stop, count) : Math.Max(0, count + stop);

    private static IReadOnlyList<long>? ZyxInts(NpyArray? a, string path, string key)
    {
        if (a is null) return null;
        if (a.ToInt64s() is { } ints) return ints;
        if (a.Dtype.Kind == 'f')
        {
            var d = a.ToDoubles();
            if (d.All(x => x == Math.Floor(x) && Math.Abs(x) < 9e15)) return Array.ConvertAll(d, x => (long)x);
        }
        throw Bad(path, key, "is not whole voxel numbers");
    }

    private static ColocFormatException Bad(string path, string key, string problem) =>
        new($"{path}: blob archive member '{key}' {problem}");
}
