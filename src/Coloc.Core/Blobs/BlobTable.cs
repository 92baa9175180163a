namespace Coloc.Core.Blobs;

/// <summary>
/// A blob table: rows of doubles with a per-table <see cref="BlobColumns"/> map (MagellanMapper's <c>Blobs</c>
/// array without its global state). Canonical columns are read through <see cref="this[int]"/>; optional columns
/// (<c>abs_z,abs_y,abs_x</c>, <c>region</c>, anything else) through <see cref="Get(int, BlobColumn)"/>.
/// </summary>
public sealed class BlobTable
{
    private readonly double[] _values;

    /// <summary>Creates a table from row-major values.</summary>
    /// <param name="columns">The column map.</param>
    /// <param name="values">Row-major values, length a multiple of the column count (not copied).</param>
    public BlobTable(BlobColumns columns, double[] values)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length % columns.Count != 0)
            throw new ArgumentException($"{values.Length} values do not fill rows of {columns.Count} columns", nameof(values));
        Columns = columns;
        _values = values;
        Count = values.Length / columns.Count;
    }

    /// <summary>Creates a canonical 7-column table from blobs.</summary>
    public static BlobTable FromBlobs(ReadOnlySpan<Blob> blobs)
    {
        var v = new double[blobs.Length * Blob.CanonicalColumnCount];
        for (int i = 0; i < blobs.Length; i++)
        {
            var b = blobs[i];
            int o = i * Blob.CanonicalColumnCount;
            v[o] = b.Z; v[o + 1] = b.Y; v[o + 2] = b.X; v[o + 3] = b.Radius;
            v[o + 4] = b.Confirmed; v[o + 5] = b.Truth; v[o + 6] = b.Channel;
        }
        return new BlobTable(BlobColumns.Canonical, v);
    }

    /// <summary>The column map of this table.</summary>
    public BlobColumns Columns { get; }

    /// <summary>Number of rows (blobs).</summary>
    public int Count { get; }

    /// <summary>The canonical columns of row <paramref name="row"/>.</summary>
    public Blob this[int row]
    {
        get
        {
            int o = row * Columns.Count;
            return new Blob(
                _values[o + Columns.IndexOf(BlobColumn.Z)], _values[o + Columns.IndexOf(BlobColumn.Y)],
                _values[o + Columns.IndexOf(BlobColumn.X)], _values[o + Columns.IndexOf(BlobColumn.Radius)],
                _values[o + Columns.IndexOf(BlobColumn.Confirmed)], _values[o + Columns.IndexOf(BlobColumn.Truth)],
                _values[o + Columns.IndexOf(BlobColumn.Channel)]);
        }
    }

    /// <summary>The value of <paramref name="column"/> in row <paramref name="row"/>, or null when the table lacks that column.</summary>
    public double? Get(int row, BlobColumn column)
    {
        int c = Columns.IndexOf(column);
        return c < 0 ? null : _values[row * Columns.Count + c];
    }

    /// <summary>The value at column index <paramref name="column"/> of row <paramref name="row"/>.</summary>
    public double Get(int row, int column) => _values[row * Columns.Count + column];

    /// <summary>The canonical columns of every row, in row order.</summary>
    public Blob[] ToBlobs()
    {
        var r = new Blob[Count];
        for (int i = 0; i < Count; i++) r[i] = this[i];
        return r;
    }
}
