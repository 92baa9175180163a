namespace Coloc.IO.Database;

/// <summary>
/// MagellanMapper's database schema, version 4 (<c>magmap/io/sqlite.py</c>), as the exact DDL text
/// MagellanMapper executes, so that <c>sqlite3 FILE .schema</c> prints the same lines for our files as for its own.
/// Tables are created in this order: <c>about</c>, <c>experiments</c> (which makes SQLite add <c>sqlite_sequence</c>),
/// <c>rois</c>, <c>blobs</c>, <c>blob_matches</c>.
/// </summary>
public static class ClrDbSchema
{
    /// <summary>The schema version written to <c>about.version</c>: 4 (MagellanMapper's <c>DB_VERSION</c>).</summary>
    public const int Version = 4;

    /// <summary><c>about(version, date)</c>: one row per schema version the file has been brought to.</summary>
    public const string About = "CREATE TABLE about (version INTEGER PRIMARY KEY, date DATE)";

    /// <summary><c>experiments(id, name, date)</c>: one row per image; name = image file name without extension.</summary>
    public const string Experiments = "CREATE TABLE experiments (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, date DATE)";

    /// <summary><c>rois</c>: offsets and sizes in x,y,z voxels; the whole image is offset 0,0,0 size 0,0,0.</summary>
    public const string Rois =
        "CREATE TABLE rois (id INTEGER PRIMARY KEY AUTOINCREMENT, experiment_id INTEGER, series INTEGER, " +
        "offset_x INTEGER, offset_y INTEGER, offset_z INTEGER, size_x INTEGER, size_y INTEGER, size_z INTEGER, " +
        "UNIQUE (experiment_id, series, offset_x, offset_y, offset_z))";

    /// <summary><c>blobs</c>: coordinates in voxels (whole values stored as INTEGER, others as REAL), radius in voxels.</summary>
    public const string Blobs =
        "CREATE TABLE blobs (id INTEGER PRIMARY KEY AUTOINCREMENT, roi_id INTEGER, x INTEGER, y INTEGER, z INTEGER, " +
        "radius REAL, confirmed INTEGER, truth INTEGER, channel INTEGER, UNIQUE (roi_id, x, y, z, truth, channel))";

    /// <summary><c>blob_matches</c>: blob1 is the lower-channel blob, dist the scaled distance; cascading foreign keys.</summary>
    public const string BlobMatches =
        "CREATE TABLE blob_matches (id INTEGER PRIMARY KEY AUTOINCREMENT, roi_id INTEGER, blob1 INTEGER, blob2 INTEGER, dist REAL, " +
        "FOREIGN KEY (roi_id) REFERENCES rois (id) ON UPDATE CASCADE ON DELETE CASCADE, " +
        "FOREIGN KEY (blob1) REFERENCES blobs (id) ON UPDATE CASCADE ON DELETE CASCADE," +
        "FOREIGN KEY (blob2) REFERENCES blobs (id) ON UPDATE CASCADE ON DELETE CASCADE)";

    /// <summary>The five statements in creation order.</summary>
    public static IReadOnlyList<string> CreateStatements { get; } = [About, Experiments, Rois, Blobs, BlobMatches];

    /// <summary>The columns every version-4 table must have (our check that a file is MagellanMapper's database).</summary>
    public static IReadOnlyDictionary<string, string[]> Columns { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["about"] = ["version", "date"],
        ["experiments"] = ["id", "name", "date"],
        ["rois"] = ["id", "experiment_id", "series", "offset_x", "offset_y", "offset_z", "size_x", "size_y", "size_z"],
        ["blobs"] = ["id", "roi_id", "x", "y", "z", "radius", "confirmed", "truth", "channel"],
        ["blob_matches"] = ["id", "roi_id", "blob1", "blob2", "dist"],
    };
}
