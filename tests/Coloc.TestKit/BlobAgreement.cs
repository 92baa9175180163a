using Coloc.Core.Blobs;

namespace Coloc.TestKit;

/// <summary>How far two blob lists agree (the detection acceptance criteria).</summary>
public static class BlobAgreement
{
    /// <summary>
    /// Fraction of <paramref name="a"/> (1 when empty) that has a blob of <paramref name="b"/> within 1 voxel on every
    /// axis with a radius within 5 % of it.
    /// </summary>
    public static double FractionNear(Blob[] a, Blob[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length == 0) return 1;
        int near = a.Count(x => b.Any(y =>
            Math.Abs(x.Z - y.Z) <= 1 && Math.Abs(x.Y - y.Y) <= 1 && Math.Abs(x.X - y.X) <= 1 &&
            Math.Abs(x.Radius - y.Radius) <= 0.05 * y.Radius));
        return (double)near / a.Length;
    }
}
