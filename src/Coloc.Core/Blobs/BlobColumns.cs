namespace Coloc.Core.Blobs;

/// <summary>
/// The column map of one blob table: which column index holds which named column. Unlike MagellanMapper's class-level
/// <c>Blobs._col_inds</c> (README, Differences from MagellanMapper, D13) every table owns its own map, so building one
/// table never changes how another is read.
/// </summary>
public sealed class BlobColumns
{
    private static readonly string[] CanonicalNames =
        ["z", "y", "x", "radius", "confirmed", "truth", "channel", "abs_z", "abs_y", "abs_x", "region"];

    private readonly int[] _index;

    /// <summary>Creates a map from column names in table order; names other than the canonical ones are kept as extra columns.</summary>
    /// <exception cref="ArgumentException">A required column (z,y,x,radius,confirmed,truth,channel) is missing, or a name repeats.</exception>
    public BlobColumns(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = names.ToArray();
        if (Names.Distinct(StringComparer.Ordinal).Count() != Names.Count)
            throw new ArgumentException("blob column names repeat: " + string.Join(",", Names), nameof(names));
        _index = new int[CanonicalNames.Length];
        for (int c = 0; c < CanonicalNames.Length; c++)
            _index[c] = Array.IndexOf(Names.ToArray(), CanonicalNames[c]);
        for (int c = 0; c < Blob.CanonicalColumnCount; c++)
            if (_index[c] < 0)
                throw new ArgumentException($"blob table lacks the column '{CanonicalNames[c]}'", nameof(names));
    }

    /// <summary>The seven canonical columns <c>z,y,x,radius,confirmed,truth,channel</c>.</summary>
    public static BlobColumns Canonical { get; } = new(CanonicalNames[..Blob.CanonicalColumnCount]);

    /// <summary>Column names in table order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Number of columns.</summary>
    public int Count => Names.Count;

    /// <summary>The lower-case name MagellanMapper uses for <paramref name="column"/>.</summary>
    public static string NameOf(BlobColumn column) => CanonicalNames[(int)column];

    /// <summary>Index of <paramref name="column"/> in this table, or −1 when the table lacks it.</summary>
    public int IndexOf(BlobColumn column) => _index[(int)column];

    /// <summary>True when the table has <paramref name="column"/>.</summary>
    public bool Has(BlobColumn column) => _index[(int)column] >= 0;
}
