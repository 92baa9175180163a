using System.Globalization;

namespace Coloc.IO.Csv;

/// <summary>
/// Number formatting shared by every CSV Coloc writes: the shortest text that parses back to the same double
/// (integral values without a decimal point, e.g. <c>12</c>, <c>-1</c>; others like <c>2.9999999999999996</c>),
/// NaN as <c>nan</c> (as Python writes it).
/// </summary>
public static class CsvNumber
{
    /// <summary>Formats a double.</summary>
    public static string Format(double v) =>
        double.IsNaN(v) ? "nan" : v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Writes a double into <paramref name="w"/> without allocating for integral values.</summary>
    public static void Write(TextWriter w, double v)
    {
        if (v == Math.Floor(v) && Math.Abs(v) < 1e15 && !(v == 0 && double.IsNegative(v)))
        {
            Span<char> buf = stackalloc char[24];
            ((long)v).TryFormat(buf, out int n, default, CultureInfo.InvariantCulture);
            w.Write(buf[..n]);
        }
        else
        {
            Span<char> buf = stackalloc char[32];
            if (double.IsNaN(v)) w.Write("nan");
            else if (v.TryFormat(buf, out int n, "R", CultureInfo.InvariantCulture)) w.Write(buf[..n]);
            else w.Write(Format(v));
        }
    }

    /// <summary>Formats <paramref name="v"/> into <paramref name="dest"/> exactly as <see cref="Write"/> writes it; returns the length (at most 32).</summary>
    public static int Format(double v, Span<char> dest)
    {
        if (v == Math.Floor(v) && Math.Abs(v) < 1e15 && !(v == 0 && double.IsNegative(v)))
        {
            ((long)v).TryFormat(dest, out int n, default, CultureInfo.InvariantCulture);
            return n;
        }
        if (double.IsNaN(v)) { "nan".AsSpan().CopyTo(dest); return 3; }
        if (v.TryFormat(dest, out int m, "R", CultureInfo.InvariantCulture)) return m;
        var text = Format(v);
        text.AsSpan().CopyTo(dest);
        return text.Length;
    }

    /// <summary>Parses a number as written by Coloc, MagellanMapper or Python (<c>nan</c>, <c>inf</c> accepted).</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out double v)
    {
        s = s.Trim();
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v)) return true;
        if (s.Equals("nan", StringComparison.OrdinalIgnoreCase)) { v = double.NaN; return true; }
        if (s.Equals("inf", StringComparison.OrdinalIgnoreCase)) { v = double.PositiveInfinity; return true; }
        if (s.Equals("-inf", StringComparison.OrdinalIgnoreCase)) { v = double.NegativeInfinity; return true; }
        return false;
    }
}
