namespace Coloc.Fiji.Tests.ImageJ;

/// <summary>Saving a named ImageJ table from a macro and reading it back (ImageJ's CSV: header row, comma-separated).</summary>
public sealed record FijiTables(string[] Headers, string[][] Rows)
{
    /// <summary>Macro text that saves the table titled <paramref name="title"/> to <paramref name="path"/> as CSV.</summary>
    public static string Save(string title, string path) =>
        $"Table.save(\"{path}\", \"{title}\");";

    /// <summary>Reads a table ImageJ saved (the first column, a row number, is kept as ImageJ wrote it).</summary>
    public static FijiTables Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        return new FijiTables(Split(lines[0]), lines.Skip(1).Select(Split).ToArray());
    }

    /// <summary>Splits one CSV line; a field in double quotes may hold commas.</summary>
    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var cur = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char ch in line)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { fields.Add(cur.ToString()); cur.Clear(); }
            else cur.Append(ch);
        }
        fields.Add(cur.ToString());
        return fields.ToArray();
    }

    /// <summary>The index of the first column whose heading satisfies <paramref name="match"/>.</summary>
    public int Column(Func<string, bool> match)
    {
        int i = Array.FindIndex(Headers, h => match(h));
        return i >= 0 ? i : throw new InvalidOperationException($"no such column in [{string.Join(", ", Headers)}]");
    }
}
