namespace Coloc.IO.Numpy;

/// <summary>
/// A simple numpy dtype as written in an NPY header's <c>descr</c> (e.g. <c>&lt;f8</c>, <c>|u1</c>, <c>&lt;U10</c>, <c>|O</c>).
/// </summary>
/// <param name="Descr">The text of the header, e.g. <c>&lt;f8</c>.</param>
/// <param name="BigEndian">True for <c>&gt;</c>; false for <c>&lt;</c>, <c>|</c> (byte order irrelevant) and <c>=</c> (native, little-endian here).</param>
/// <param name="Kind">numpy's kind letter: <c>f</c> float, <c>i</c> signed, <c>u</c> unsigned, <c>b</c> bool, <c>U</c> UTF-32 text, <c>O</c> object (a pickle).</param>
/// <param name="ItemSize">Bytes per element (for <c>U</c>: 4 per character; for <c>O</c>: 0, nothing is read).</param>
public sealed record NpyDtype(string Descr, bool BigEndian, char Kind, int ItemSize)
{
    /// <summary>True for object arrays (<c>|O</c>): their data are a pickle, which Coloc never reads.</summary>
    public bool IsObject => Kind == 'O';

    /// <summary>True for the numeric kinds (<c>f</c>, <c>i</c>, <c>u</c>, <c>b</c>).</summary>
    public bool IsNumeric => Kind is 'f' or 'i' or 'u' or 'b';

    /// <summary>
    /// Parses a <c>descr</c> string; returns null with <paramref name="problem"/> set when it is not one Coloc reads
    /// (supported: f4 f8, i1 i2 i4 i8, u1 u2 u4 u8, b1, Un, O, in either byte order).
    /// </summary>
    public static NpyDtype? TryParse(string descr, out string problem)
    {
        problem = "";
        if (descr.Length < 2) { problem = $"unsupported dtype '{descr}'"; return null; }
        char order = descr[0];
        if (order is not ('<' or '>' or '|' or '=')) { problem = $"unsupported dtype '{descr}' (no byte order)"; return null; }
        char kind = descr[1];
        string sizeText = descr[2..];
        if (kind == 'O' && (sizeText is "" or "8")) return new NpyDtype(descr, false, 'O', 0);
        if (!int.TryParse(sizeText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int size))
        { problem = $"unsupported dtype '{descr}'"; return null; }
        bool ok = kind switch
        {
            'f' => size is 4 or 8,
            'i' or 'u' => size is 1 or 2 or 4 or 8,
            'b' => size == 1,
            'U' => size is >= 1 and <= 1 << 20, // U0 would let any shape pass the size check with no data
            _ => false,
        };
        if (!ok) { problem = $"unsupported dtype '{descr}'"; return null; }
        return new NpyDtype(descr, order == '>', kind, kind == 'U' ? size * 4 : size);
    }
}
