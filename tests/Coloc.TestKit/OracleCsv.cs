using System.Globalization;

namespace Coloc.TestKit;

/// <summary>A CSV table as the oracle writes it: a header and rows of text fields.</summary>
public sealed record OracleCsv(string[] Header, string[][] Rows)
{
    /// <summary>Reads a CSV file (no quoting).</summary>
    public static OracleCsv Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        return new OracleCsv(lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToArray());
    }

    /// <summary>Index of a named column.</summary>
    public int Col(string name)
    {
        int i = Array.IndexOf(Header, name);
        return i >= 0 ? i : throw new KeyNotFoundException($"column {name} not in [{string.Join(",", Header)}]");
    }

    /// <summary>A numeric field (nan accepted).</summary>
    public double Num(int row, string name)
    {
        var s = Rows[row][Col(name)];
        return s == "nan" ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);
    }
}
