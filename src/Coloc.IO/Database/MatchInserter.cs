using Coloc.Core.Blobs;
using Coloc.Core.Matching;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Coloc.IO.Database;

/// <summary>The insert half of <see cref="MatchDatabase"/>, run inside one transaction (see <see cref="MatchDatabase.InsertMatches"/>).</summary>
internal sealed class MatchInserter(ClrDb db, SqliteTransaction tx, CancellationToken ct)
{
    private readonly SqliteConnection _conn = db.Connection;

    /// <summary>The unique key of a blob row within one ROI (the <c>blobs</c> table's UNIQUE constraint): x, y, z,
    /// truth, channel.</summary>
    private readonly record struct BlobKey(double X, double Y, double Z, double Truth, double Channel)
    {
        public static BlobKey Of(in Blob b) => new(b.X, b.Y, b.Z, b.Truth, b.Channel);
    }

    public MatchSet Insert(MatchSet matches, string expName)
    {
        long expId = SelectOrInsertExperiment(expName);
        long roiId = SelectOrInsertWholeImageRoi(expId, expName);

        ClrDb.SetCacheSize(_conn, matches.TotalCount);
        using var blobStmt = new RawStatement(_conn,
            "INSERT OR REPLACE INTO blobs (roi_id, z, y, x, radius, confirmed, truth, channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        using var matchStmt = new RawStatement(_conn, "INSERT INTO blob_matches (roi_id, blob1, blob2, dist) VALUES (?, ?, ?, ?)");
        blobStmt.Bind(1, roiId);
        matchStmt.Bind(1, roiId);
        var ids = new Dictionary<BlobKey, long>(Math.Min(2 * matches.TotalCount, 1 << 26));
        var result = new MatchSet { MultiPositive = matches.MultiPositive };

        foreach (var (pair, table) in matches.Pairs)
        {
            var rows = table.Rows;
            var id1 = new long[rows.Count];
            var id2 = new long[rows.Count];
            for (int side = 1; side <= 2; side++)
                for (int i = 0; i < rows.Count; i++)
                {
                    var b = side == 1 ? rows[i].Blob1 : rows[i].Blob2;
                    var key = BlobKey.Of(b);
                    ref long id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, key, out bool seen);
                    if (!seen)
                    {
                        Check(b, pair, i, side);
                        blobStmt.BindNumeric(2, b.Z);
                        blobStmt.BindNumeric(3, b.Y);
                        blobStmt.BindNumeric(4, b.X);
                        blobStmt.Bind(5, b.Radius);
                        blobStmt.BindNumeric(6, b.Confirmed);
                        blobStmt.BindNumeric(7, b.Truth);
                        blobStmt.BindNumeric(8, b.Channel);
                        id = blobStmt.Run();
                    }
                    (side == 1 ? id1 : id2)[i] = id;
                    if ((i & 4095) == 0) ct.ThrowIfCancellationRequested();
                }

            var filled = new MatchRow[rows.Count];
            for (int i = 0; i < rows.Count; i++)
            {
                double dist = rows[i].Distance;
                if (!double.IsFinite(dist))
                    throw new ColocFormatException($"{db.Path}: pair {pair} row {i}: distance is not finite ({dist}); the database is unchanged");
                matchStmt.Bind(2, id1[i]);
                matchStmt.Bind(3, id2[i]);
                matchStmt.Bind(4, dist);
                long matchId = matchStmt.Run();
                filled[i] = rows[i] with { MatchId = matchId, RoiId = roiId, Blob1Id = id1[i], Blob2Id = id2[i] };
                if ((i & 4095) == 0) ct.ThrowIfCancellationRequested();
            }
            result.Add(pair, new BlobMatch(filled));
        }
        return result;
    }

    private void Check(in Blob b, ChannelPair pair, int row, int side)
    {
        for (int k = 0; k < Blob.CanonicalColumnCount; k++)
            if (!double.IsFinite(b[k]))
                throw new ColocFormatException(
                    $"{db.Path}: pair {pair} row {row}: blob{side} has a non-finite value ({b[k]}) in column {BlobColumns.Canonical.Names[k]}; the database is unchanged");
    }

    private long SelectOrInsertExperiment(string name)
    {
        using var sel = Command("SELECT id FROM experiments WHERE name = $name ORDER BY rowid LIMIT 1", "$name");
        sel.Parameters[0].Value = name;
        if (sel.ExecuteScalar() is long id) return id;
        using var ins = Command("INSERT INTO experiments (name, date) VALUES ($name, $date)", "$name", "$date");
        ins.Parameters[0].Value = name;
        ins.Parameters[1].Value = db.Options.NowText();
        ins.ExecuteNonQuery();
        return SQLitePCL.raw.sqlite3_last_insert_rowid(_conn.Handle!);
    }

    private long SelectOrInsertWholeImageRoi(long expId, string expName)
    {
        using var sel = Command(
            "SELECT id FROM rois WHERE experiment_id = $exp AND offset_x = 0 AND offset_y = 0 AND offset_z = 0 " +
            "AND size_x = 0 AND size_y = 0 AND size_z = 0 ORDER BY rowid LIMIT 1", "$exp");
        sel.Parameters[0].Value = expId;
        if (sel.ExecuteScalar() is long id) return id;

        // README, Differences from MagellanMapper, D21: the unique key ignores the size, so MagellanMapper's INSERT OR
        // REPLACE would delete an ROI at the origin of another size together with its matches. Refuse instead of
        // deleting.
        using var clash = Command(
            "SELECT id FROM rois WHERE experiment_id = $exp AND series = 0 AND offset_x = 0 AND offset_y = 0 AND offset_z = 0 LIMIT 1", "$exp");
        clash.Parameters[0].Value = expId;
        if (clash.ExecuteScalar() is long other)
            throw new ColocFormatException(
                $"{db.Path}: experiment '{expName}' already has ROI {other} at offset 0,0,0 with a non-zero size; storing the whole-image ROI " +
                "would replace it and delete its matches, as MagellanMapper does; use another experiment name or database");
        using var ins = Command(
            "INSERT INTO rois (experiment_id, series, offset_x, offset_y, offset_z, size_x, size_y, size_z) " +
            "VALUES ($exp, 0, 0, 0, 0, 0, 0, 0)", "$exp");
        ins.Parameters[0].Value = expId;
        ins.ExecuteNonQuery();
        return SQLitePCL.raw.sqlite3_last_insert_rowid(_conn.Handle!);
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var cmd = _conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var p in parameters) cmd.Parameters.Add(new SqliteParameter { ParameterName = p });
        return cmd;
    }
}
