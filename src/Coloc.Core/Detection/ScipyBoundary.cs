namespace Coloc.Core.Detection;

/// <summary>
/// Index mapping at array edges as <c>scipy.ndimage</c> 1.10 does it: <c>reflect</c> for filters
/// (<c>NI_ExtendLine</c>, "dcba|abcd|dcba", period 2n) and <c>mirror</c> for interpolation taps ("cb|abcd|cb", period 2n−2).
/// </summary>
internal static class ScipyBoundary
{
    /// <summary>Maps any index to [0, n) with half-sample symmetric reflection (scipy <c>reflect</c>).</summary>
    public static int Reflect(long i, int n)
    {
        if (n <= 1) return 0;
        long p = 2L * n;
        long m = ((i % p) + p) % p;
        return (int)(m < n ? m : p - 1 - m);
    }

    /// <summary>Maps an interpolation tap index to [0, n) with whole-sample symmetry (scipy <c>mirror</c> edge offsets).</summary>
    public static int Mirror(long idx, int len)
    {
        if (len <= 1) return 0;
        long s2 = 2L * len - 2;
        if (idx < 0)
        {
            idx = s2 * (-idx / s2) + idx;
            idx = idx <= 1 - len ? idx + s2 : -idx;
        }
        else if (idx >= len)
        {
            idx -= s2 * (idx / s2);
            if (idx >= len) idx = s2 - idx;
        }
        return (int)idx;
    }

    /// <summary>scipy's <c>map_coordinate</c> for <c>mirror</c> mode: folds a coordinate outside [0, len−1] back inside.</summary>
    public static double MirrorCoordinate(double cc, int len)
    {
        if (cc < 0)
        {
            if (len <= 1) return 0;
            long sz2 = 2L * len - 2;
            cc = sz2 * (long)(-cc / sz2) + cc;
            return cc <= 1 - len ? cc + sz2 : -cc;
        }
        if (cc > len - 1)
        {
            if (len <= 1) return 0;
            long sz2 = 2L * len - 2;
            cc -= sz2 * (long)(cc / sz2);
            if (cc >= len) cc = sz2 - cc;
        }
        return cc;
    }
}
