namespace Coloc.IO.Database;

/// <summary>
/// Values for INTEGER-affinity columns as MagellanMapper's Python floats end up stored: a whole number is bound as a
/// 64-bit integer (storage class INTEGER), any other number as a double (REAL).
/// </summary>
internal static class SqlValue
{
    /// <summary>True when <paramref name="v"/> is a whole number within ±2^63 (stored as INTEGER).</summary>
    public static bool IsWhole(double v) => v == Math.Floor(v) && Math.Abs(v) < 9.2e18;
}
