using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Microsoft.Data.Sqlite;

namespace Coloc.IO.Database;

/// <summary>The read half of <see cref="MatchDatabase"/> (see <see cref="MatchDatabase.SelectMatches"/>); read-only SQL only.</summary>
internal static class MatchSelector
{
    private const string Join =
        "SELECT m.id, m.roi_id, m.blob1, m.blob2, m.dist, " +
        "b1.z, b1.y, b1.x, b1.radius, b1.confirmed, b1.truth, b1.channel, " +
        "b2.z, b2.y, b2.x, b2.radius, b2.confirmed, b2.truth, b2.channel " +
        "FROM blob_matches m JOIN blobs b1 ON b1.id = m.blob1 JOIN blobs b2 ON b2.id = m.blob2 " +
        "WHERE m.roi_id = $roi";

    private const string BoxFilter =
        " AND b1.z >= $z0 AND b1.z < $z1 AND b1.y >= $y0 AND b1.y < $y1 AND b1.x >= $x0 AND b1.x < $x1" +
        " AND b2.z >= $z0 AND b2.z < $z1 AND b2.y >= $y0 AND b2.y < $y1 AND b2.x >= $x0 AND b2.x < $x1";

    public static MatchSet Select(ClrDb db, IReadOnlyList<int> channels, Box? box, string? expName) =>
        db.Read("select matches", () => SelectCore(db, channels, box, expName));

    private static MatchSet SelectCore(ClrDb db, IReadOnlyList<int> channels, Box? box, string? expName)
    {
        var conn = db.Connection;
        var result = new MatchSet();
        if (db.FoundVersion < ClrDbSchema.Version && db.IsReadOnly) return result; // no blob_matches table before version 4
        long expId = Experiment(db, expName);
        using var roiCmd = conn.CreateCommand();
        roiCmd.CommandText =
            "SELECT id FROM rois WHERE experiment_id = $exp AND offset_x = 0 AND offset_y = 0 AND offset_z = 0 " +
            "AND size_x = 0 AND size_y = 0 AND size_z = 0 ORDER BY rowid LIMIT 1";
        roiCmd.Parameters.AddWithValue("$exp", expId);
        if (roiCmd.ExecuteScalar() is not long roiId) return result;

        using var cmd = conn.CreateCommand();
        cmd.CommandText = Join + (box is null ? "" : BoxFilter) + " ORDER BY m.id";
        cmd.Parameters.AddWithValue("$roi", roiId);
        if (box is { } b)
        {
            var end = b.Offset + b.Size;
            cmd.Parameters.AddWithValue("$z0", b.Offset.Z); cmd.Parameters.AddWithValue("$z1", end.Z);
            cmd.Parameters.AddWithValue("$y0", b.Offset.Y); cmd.Parameters.AddWithValue("$y1", end.Y);
            cmd.Parameters.AddWithValue("$x0", b.Offset.X); cmd.Parameters.AddWithValue("$x1", end.X);
        }
        var rows = new List<MatchRow>();
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                rows.Add(new MatchRow(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), BlobAt(r, 5), r.GetInt64(3), BlobAt(r, 12), Num(r, 4)));
        if (rows.Count == 0) return result;

        foreach (int c1 in channels)
            foreach (int c2 in channels)
            {
                if (c1 >= c2) continue;
                var first = rows.Where(m => m.Blob1.Channel == c1).ToArray();
                if (first.Length == 0) continue;
                var pair = new ChannelPair(c1, c2);
                if (result[pair] is not null) continue;
                result.Add(pair, new BlobMatch(first.Where(m => m.Blob2.Channel == c2).ToArray()));
            }
        return result;
    }

    /// <summary>The experiment id: the first row named <paramref name="name"/>, or the only experiment when the name is null.</summary>
    private static long Experiment(ClrDb db, string? name)
    {
        using var cmd = db.Connection.CreateCommand();
        cmd.CommandText = "SELECT id, name FROM experiments ORDER BY rowid";
        var all = new List<(long Id, string? Name)>();
        using (var r = cmd.ExecuteReader())
            while (r.Read()) all.Add((r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1)));
        string names = string.Join(", ", all.Select(e => e.Name is null ? "(no name)" : "'" + e.Name + "'"));
        if (name is not null)
        {
            foreach (var e in all)
                if (e.Name == name) return e.Id;
            throw new ColocFormatException($"{db.Path}: no experiment named '{name}' (experiments: {(all.Count == 0 ? "none" : names)})");
        }
        return all.Count switch
        {
            1 => all[0].Id,
            0 => throw new ColocFormatException($"{db.Path}: the database holds no experiment"),
            _ => throw new ColocFormatException($"{db.Path}: several experiments ({names}); name the one to read"),
        };
    }

    private static Blob BlobAt(SqliteDataReader r, int i) =>
        new(Num(r, i), Num(r, i + 1), Num(r, i + 2), Num(r, i + 3), Num(r, i + 4), Num(r, i + 5), Num(r, i + 6));

    private static double Num(SqliteDataReader r, int i) => r.IsDBNull(i) ? double.NaN : r.GetDouble(i);
}
