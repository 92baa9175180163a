namespace Coloc.IO.Csv;

/// <summary>
/// The common number shapes of CSV files, parsed straight from UTF-8 bytes: <c>[+-]digits[.digits]</c> with at most
/// 15 significant digits and at most 22 decimals. Such a value is an exact integer (&lt; 2⁵³) divided by an exact power
/// of ten, so one IEEE division gives the correctly rounded double — the same value <see cref="double.Parse(string)"/>
/// returns. Everything else is left to the general parser.
/// </summary>
internal static class FastNumber
{
    private static readonly double[] Pow10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    /// <summary>Parses <paramref name="s"/> when it has the simple shape; false means "use the general parser".</summary>
    public static bool TryParse(ReadOnlySpan<byte> s, out double value)
    {
        value = 0;
        int i = 0, n = s.Length;
        if (n == 0 || n > 40) return false;
        bool neg = false;
        if (s[0] == (byte)'-' || s[0] == (byte)'+') { neg = s[0] == (byte)'-'; i = 1; }
        long mant = 0;
        int digits = 0, sig = 0, frac = 0;
        bool dot = false;
        for (; i < n; i++)
        {
            uint d = (uint)(s[i] - (byte)'0');
            if (d <= 9)
            {
                digits++;
                if (dot) frac++;
                if (mant != 0 || d != 0) sig++;
                mant = mant * 10 + d;
            }
            else if (s[i] == (byte)'.' && !dot) dot = true;
            else return false;
        }
        if (digits == 0 || sig > 15 || frac > 22) return false;
        double v = frac == 0 ? mant : mant / Pow10[frac];
        value = neg ? -v : v;
        return true;
    }
}
