using Coloc.Core.Blobs;
using Coloc.Core.Geometry;

namespace Coloc.IO.Blobs;

/// <summary>
/// A MagellanMapper <c>*_blobs.npz</c> archive as a <see cref="BlobTable"/>: columns found by their correct names
/// (<see cref="BlobArchive.Columns"/>: where MagellanMapper's loader mislabels old archives, the right names);
/// z, y, x are needed; radius 0, confirmed and truth −1 when absent; channel from the file when it has the column.
/// Other columns (region, abs_z, …, unnamed_i) are kept as further columns in archive order. The archive's
/// <c>resolutions</c> (first row) and <c>basename</c> become <see cref="BlobTable.ResolutionUm"/> and
/// <see cref="BlobTable.ImageName"/>. Pickled members are skipped, never unpickled.
/// </summary>
internal static class ArchiveBlobs
{
    private static readonly string[] Canonical = ["z", "y", "x", "radius", "confirmed", "truth", "channel"];
    private static readonly double[] Absent = [double.NaN, double.NaN, double.NaN, 0, -1, -1, 0];

    public static BlobTable Read(string path)
    {
        var a = BlobArchive.Read(path);
        var index = Canonical.Select(a.ColumnIndex).ToArray();
        for (int k = 0; k < 3; k++)
            if (index[k] < 0 && a.RowCount > 0)
                throw new ColocFormatException($"{path}: blob archive has no '{Canonical[k]}' column (columns {string.Join(",", a.Columns)})");
        var extra = Enumerable.Range(0, a.ColumnCount).Where(c => !index.Contains(c)).ToArray();
        var blobs = new Blob[a.RowCount];
        var extraValues = new double[a.RowCount * extra.Length];
        Span<double> v = stackalloc double[Canonical.Length];
        for (int r = 0; r < a.RowCount; r++)
        {
            for (int k = 0; k < Canonical.Length; k++) v[k] = index[k] < 0 ? Absent[k] : a[r, index[k]];
            for (int k = 0; k < 7; k++)
                if (!double.IsFinite(v[k]))
                    throw new ColocFormatException($"{path}: blob {r} column '{Canonical[k]}' is not finite ({v[k]})");
            if (v[6] < 0 || v[6] != Math.Floor(v[6]) || v[6] > int.MaxValue)
                throw new ColocFormatException($"{path}: blob {r} channel must be a whole number >= 0, got {v[6]}");
            blobs[r] = new Blob(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
            for (int e = 0; e < extra.Length; e++) extraValues[r * extra.Length + e] = a[r, extra[e]];
        }
        var res = a.Resolution;
        var notes = a.SkippedKeys.Select(k => $"member '{k}' skipped (a pickled object; never unpickled)").ToList();
        if (!a.MagellanMapperHeader.SequenceEqual(a.Columns))
            notes.Add($"MagellanMapper's loader names the columns {string.Join(",", a.MagellanMapperHeader)}; read as {string.Join(",", a.Columns)}");
        return new BlobTable(path, BlobFormat.MagellanMapperArchive, blobs)
        {
            ExtraColumns = extra.Select(c => a.Columns[c]).ToArray(),
            ExtraValues = extraValues,
            ChannelFromFile = index[6] >= 0,
            ResolutionUm = res is { Length: 3 } ? new Zyx(res[0], res[1], res[2]) : null,
            ImageName = a.Basename,
            Notes = notes,
        };
    }
}
