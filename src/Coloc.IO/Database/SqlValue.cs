namespace Coloc.IO.Database;

/// <summary>
/// Values for INTEGER-affinity columns as MagellanMapper's Python floats end up stored: a whole number is bound as a
/// 64-bit integer (storage class INTEGER), any other number as a double (REAL).
/// </summary>
internal static class SqlValue
{
    /// <summary>Boxes <paramref name="v"/> as <see cref="long"/> when it is whole and within ±2^63, else as <see cref="double"/>.</summary>
    public static object Numeric(double v) =>
        v == Math.Floor(v) && Math.Abs(v) < 9.2e18 ? (object)(long)v : v;
}
