using Coloc.Core.Matching;
using Microsoft.Data.Sqlite;

namespace Coloc.Oracle.Tests.Database;

/// <summary>
/// What MagellanMapper's <c>insert_matches</c> does to a database (written from the description of its behaviour, for
/// comparison only): per pair, <c>INSERT OR REPLACE</c> of every Blob1 then every Blob2 row, then each match with blob
/// ids looked up by position and flags. With foreign keys on, a re-inserted blob's old matches cascade away (README,
/// Differences from MagellanMapper, D18). Runs on a file that <see cref="Coloc.IO.Database.ClrDb.Open"/> has created
/// with its experiment and whole-image ROI 1.
/// </summary>
internal static class MagmapStyleInsert
{
    public static void Run(string path, MatchSet set)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False;Foreign Keys=True");
        c.Open();
        using var tx = c.BeginTransaction();
        foreach (var (_, m) in set.Pairs)
        {
            if (m.Count == 0) continue;
            foreach (var b in m.Rows.Select(r => r.Blob1).Concat(m.Rows.Select(r => r.Blob2)))
            {
                using var ins = c.CreateCommand();
                ins.CommandText = "INSERT OR REPLACE INTO blobs (roi_id, z, y, x, radius, confirmed, truth, channel) VALUES (1, $z, $y, $x, $r, $c, $t, $ch)";
                ins.Parameters.AddWithValue("$z", b.Z); ins.Parameters.AddWithValue("$y", b.Y); ins.Parameters.AddWithValue("$x", b.X);
                ins.Parameters.AddWithValue("$r", b.Radius); ins.Parameters.AddWithValue("$c", b.Confirmed);
                ins.Parameters.AddWithValue("$t", b.Truth); ins.Parameters.AddWithValue("$ch", b.Channel);
                ins.ExecuteNonQuery();
            }
            foreach (var r in m.Rows)
            {
                long? Id(Coloc.Core.Blobs.Blob b)
                {
                    using var sel = c.CreateCommand();
                    sel.CommandText = "SELECT id FROM blobs WHERE roi_id = 1 AND z = $z AND y = $y AND x = $x AND confirmed = $c AND truth = $t AND channel = $ch";
                    sel.Parameters.AddWithValue("$z", b.Z); sel.Parameters.AddWithValue("$y", b.Y); sel.Parameters.AddWithValue("$x", b.X);
                    sel.Parameters.AddWithValue("$c", b.Confirmed); sel.Parameters.AddWithValue("$t", b.Truth); sel.Parameters.AddWithValue("$ch", b.Channel);
                    return sel.ExecuteScalar() as long?;
                }
                var (a, b2) = (Id(r.Blob1), Id(r.Blob2));
                if (a is null || b2 is null) continue;
                using var mi = c.CreateCommand();
                mi.CommandText = "INSERT INTO blob_matches (roi_id, blob1, blob2, dist) VALUES (1, $a, $b, $d)";
                mi.Parameters.AddWithValue("$a", a); mi.Parameters.AddWithValue("$b", b2); mi.Parameters.AddWithValue("$d", r.Distance);
                mi.ExecuteNonQuery();
            }
        }
        tx.Commit();
    }
}
