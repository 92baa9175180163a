namespace Coloc.Core.Intensity;

/// <summary>
/// The radius-2 ball of <c>skimage.morphology.ball(2)</c>: all offsets with dz²+dy²+dx² ≤ 4, 33 voxels (1 centre,
/// 6 at distance 1, 12 at √2, 8 at √3, 6 at 2). Cross-sections per dz are listed in row-major (dy, dx) order.
/// </summary>
internal static class BallFootprint
{
    /// <summary>Ball radius in voxels.</summary>
    internal const int Radius = 2;

    /// <summary>Voxels in the ball.</summary>
    internal const int Size = 33;

    /// <summary>Cross-section offsets (dy, dx) for dz = −2..2 (index dz + 2), row-major.</summary>
    internal static readonly (int Dy, int Dx)[][] Sections = Build();

    private static (int, int)[][] Build()
    {
        var r = new (int, int)[2 * Radius + 1][];
        for (int dz = -Radius; dz <= Radius; dz++)
        {
            var list = new List<(int, int)>();
            for (int dy = -Radius; dy <= Radius; dy++)
            for (int dx = -Radius; dx <= Radius; dx++)
                if (dz * dz + dy * dy + dx * dx <= Radius * Radius) list.Add((dy, dx));
            r[dz + Radius] = list.ToArray();
        }
        return r;
    }
}
