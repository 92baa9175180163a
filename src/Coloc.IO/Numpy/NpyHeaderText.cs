using System.Globalization;

namespace Coloc.IO.Numpy;

/// <summary>
/// Parses the Python dict literal of an NPY header, e.g. <c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (28, 8), }</c>,
/// without evaluating anything: only string, True/False and tuple-of-integer values are accepted, and exactly the keys
/// <c>descr</c>, <c>fortran_order</c> and <c>shape</c> (as numpy requires).
/// </summary>
internal static class NpyHeaderText
{
    /// <summary>The three values of the header; throws <see cref="FormatException"/> with the problem on anything else.</summary>
    public static (string Descr, bool FortranOrder, long[] Shape) Parse(string text)
    {
        int i = 0;
        string? descr = null;
        bool? fortran = null;
        long[]? shape = null;
        Skip(text, ref i);
        Expect(text, ref i, '{');
        while (true)
        {
            Skip(text, ref i);
            if (Peek(text, i) == '}') { i++; break; }
            string key = ReadString(text, ref i);
            Skip(text, ref i);
            Expect(text, ref i, ':');
            Skip(text, ref i);
            switch (key)
            {
                case "descr" when descr is null:
                    if (Peek(text, i) == '[') throw new FormatException("structured dtypes are not supported");
                    descr = ReadString(text, ref i);
                    break;
                case "fortran_order" when fortran is null:
                    fortran = ReadBool(text, ref i);
                    break;
                case "shape" when shape is null:
                    shape = ReadShape(text, ref i);
                    break;
                default:
                    throw new FormatException($"unexpected or repeated header key '{key}'");
            }
            Skip(text, ref i);
            char c = Peek(text, i);
            if (c == ',') { i++; continue; }
            if (c == '}') { i++; break; }
            throw new FormatException($"expected ',' or '}}' at header position {i}");
        }
        Skip(text, ref i);
        if (i != text.Length) throw new FormatException("text after the header dict");
        if (descr is null || fortran is null || shape is null)
            throw new FormatException("header lacks one of 'descr', 'fortran_order', 'shape'");
        return (descr, fortran.Value, shape);
    }

    private static char Peek(string t, int i) => i < t.Length ? t[i] : '\0';

    private static void Skip(string t, ref int i)
    {
        while (i < t.Length && (t[i] is ' ' or '\t' or '\n' or '\r' or '\0')) i++;
    }

    private static void Expect(string t, ref int i, char c)
    {
        if (Peek(t, i) != c) throw new FormatException($"expected '{c}' at header position {i}");
        i++;
    }

    private static string ReadString(string t, ref int i)
    {
        char q = Peek(t, i);
        if (q is not ('\'' or '"')) throw new FormatException($"expected a quoted string at header position {i}");
        int start = ++i;
        while (i < t.Length && t[i] != q)
        {
            if (t[i] == '\\') throw new FormatException("escapes in header strings are not supported");
            i++;
        }
        if (i >= t.Length) throw new FormatException("unterminated string in header");
        return t[start..i++];
    }

    private static bool ReadBool(string t, ref int i)
    {
        if (string.CompareOrdinal(t, i, "True", 0, 4) == 0) { i += 4; return true; }
        if (string.CompareOrdinal(t, i, "False", 0, 5) == 0) { i += 5; return false; }
        throw new FormatException($"expected True or False at header position {i}");
    }

    private static long[] ReadShape(string t, ref int i)
    {
        Expect(t, ref i, '(');
        var dims = new List<long>();
        while (true)
        {
            Skip(t, ref i);
            if (Peek(t, i) == ')') { i++; break; }
            int start = i;
            while (i < t.Length && char.IsAsciiDigit(t[i])) i++;
            if (i == start || i - start > 18) throw new FormatException($"expected a dimension at header position {start}");
            dims.Add(long.Parse(t.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture));
            if (Peek(t, i) == 'L') i++; // Python 2 long suffix
            Skip(t, ref i);
            char c = Peek(t, i);
            if (c == ',') { i++; continue; }
            if (c == ')') { i++; break; }
            throw new FormatException($"expected ',' or ')' in shape at header position {i}");
        }
        if (dims.Count > 32) throw new FormatException("more than 32 dimensions");
        return [.. dims];
    }
}
