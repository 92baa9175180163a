using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Coloc.IO.Database;

/// <summary>
/// A prepared statement used directly through SQLite's C API for the bulk insert (bind, step, reset, no boxing, no
/// reflection, no per-row ADO.NET command overhead); a parameter already holding a value is not re-bound. Errors become
/// <see cref="SqliteException"/>.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    // what each parameter currently holds (SQLite keeps bindings across resets): 0 = nothing, 1 = integer, 2 = double
    private readonly byte[] _kind;
    private readonly long[] _bits;

    public RawStatement(SqliteConnection conn, string sql)
    {
        _db = conn.Handle ?? throw new InvalidOperationException("connection is not open");
        int rc = raw.sqlite3_prepare_v2(_db, sql, out _stmt);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
        int n = raw.sqlite3_bind_parameter_count(_stmt) + 1;
        (_kind, _bits) = (new byte[n], new long[n]);
    }

    /// <summary>Binds a 64-bit integer to the 1-based parameter <paramref name="index"/> (skipped when it already holds it).</summary>
    public void Bind(int index, long value)
    {
        if (_kind[index] == 1 && _bits[index] == value) return;
        Check(raw.sqlite3_bind_int64(_stmt, index, value));
        (_kind[index], _bits[index]) = (1, value);
    }

    /// <summary>Binds a double to the 1-based parameter <paramref name="index"/> (skipped when it already holds it, bit for bit).</summary>
    public void Bind(int index, double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        if (_kind[index] == 2 && _bits[index] == bits) return;
        Check(raw.sqlite3_bind_double(_stmt, index, value));
        (_kind[index], _bits[index]) = (2, bits);
    }

    /// <summary>Binds a number as MagellanMapper's floats are stored in INTEGER columns (see <see cref="SqlValue"/>).</summary>
    public void BindNumeric(int index, double value)
    {
        if (SqlValue.IsWhole(value)) Bind(index, (long)value);
        else Bind(index, value);
    }

    /// <summary>Runs the statement to completion and resets it; returns the rowid of the last insert on the connection.</summary>
    public long Run()
    {
        int rc = raw.sqlite3_step(_stmt);
        raw.sqlite3_reset(_stmt);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        return raw.sqlite3_last_insert_rowid(_db);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _stmt.Dispose();
}
