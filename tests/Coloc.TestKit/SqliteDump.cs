using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Coloc.TestKit;

/// <summary>
/// Reads a SQLite file the way the oracle dumped MagellanMapper's (README §D): tables as CSV text
/// (<c>ORDER BY rowid</c>, header = column names, integral numbers without a decimal point, other reals as the shortest
/// round-trip text, <c>date</c> values as <c>&lt;DATETIME&gt;</c>), the schema as <c>sqlite3 .schema</c> prints it, and
/// storage classes per column. Opens the file read-only.
/// </summary>
public sealed class SqliteDump : IDisposable
{
    private readonly SqliteConnection _conn;

    public SqliteDump(string path)
    {
        _conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        _conn.Open();
    }

    /// <summary>Every non-NULL <c>sql</c> of <c>sqlite_master</c> in rowid order, each followed by <c>;</c> and a newline.</summary>
    public string Schema()
    {
        var sb = new StringBuilder();
        foreach (var row in Rows("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"))
            sb.Append((string)row[0]!).Append(";\n");
        return sb.ToString();
    }

    /// <summary>The table as oracle CSV text, <c>\n</c> line ends.</summary>
    public string TableCsv(string table)
    {
        using var cmd = _conn.CreateCommand();
        cmd.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
        using var r = cmd.ExecuteReader();
        var sb = new StringBuilder();
        sb.Append(string.Join(",", Enumerable.Range(0, r.FieldCount).Select(r.GetName))).Append('\n');
        while (r.Read())
        {
            for (int i = 0; i < r.FieldCount; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append(r.GetName(i) == "date" ? "<DATETIME>" : Text(r.GetValue(i)));
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The distinct <c>typeof()</c> of each column of <paramref name="table"/>, sorted.</summary>
    public Dictionary<string, string[]> StorageClasses(string table)
    {
        var cols = Rows($"SELECT name FROM pragma_table_info('{table}')").Select(r => (string)r[0]!).ToArray();
        return cols.ToDictionary(c => c, c =>
            Rows($"SELECT DISTINCT typeof(\"{c}\") FROM \"{table}\"").Select(r => (string)r[0]!).Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>Runs a query and returns its rows.</summary>
    public List<object?[]> Rows(string sql)
    {
        using var cmd = _conn.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<object?[]>();
        while (r.Read())
        {
            var row = new object?[r.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            list.Add(row);
        }
        return list;
    }

    private static string Text(object? v) => v switch
    {
        null => "",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => s,
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };

    public void Dispose() => _conn.Dispose();
}
