using Coloc.Core.Blobs;
using Coloc.Core.Geometry;

namespace Coloc.Core.Regions;

/// <summary>
/// Ripley's cross-K function of channel b around channel a, per region row, in physical space (µm: each axis scaled
/// by the resolution, so anisotropic voxels give isotropic balls):
/// <c>K_R(r) = V_R / (n_a,R · n_b,R) · #{(i, j): a_i and b_j both in R, |a_i − b_j| ≤ r}</c>, with V_R the region's
/// volume in µm³ and n the blobs of each channel in R; <c>L(r) = ∛(3K/(4π))</c>, which is r under complete spatial
/// randomness without edge effects. No edge correction: the estimator is biased low near region borders, so it is
/// compared with the same estimator on the null model's draws (the Monte Carlo envelope), not with r.
/// A region row is a label (blobs placed on the labels grid as the heat maps) or, with ontology groups, a set of labels:
/// a pair counts in a group when both blobs lie in labels of that group.
/// Pairs are found with a grid of cells of the largest radius, swept in key order (linear in the blobs after a sort).
/// </summary>
public sealed class CrossKFunction
{
    /// <summary>Radii per curve by default: r_k = r_max·(k+1)/20.</summary>
    public const int DefaultSteps = 20;

    private readonly RegionVoxels _voxels;
    private readonly GridScaler _scaler;
    private readonly Zyx _resolutionUm;
    private readonly double _maxUm;
    private readonly int[][] _rowsOfLabel;
    private readonly bool[][]? _member;
    private readonly double[] _volumeUm3;

    /// <summary>Prepares the estimator.</summary>
    /// <param name="voxels">The labels' voxels (label rows ascending).</param>
    /// <param name="scaler">Full-resolution → labels grid.</param>
    /// <param name="resolutionUm">µm per full-resolution voxel, z,y,x.</param>
    /// <param name="maxRadiusUm">Largest radius r_max, µm (&gt; 0).</param>
    /// <param name="steps">Radii r_max·(k+1)/steps, k = 0 … steps−1 (default <see cref="DefaultSteps"/>).</param>
    /// <param name="groups">Ontology groups (indices into the label rows), or null for one row per label.</param>
    public CrossKFunction(RegionVoxels voxels, GridScaler scaler, Zyx resolutionUm, double maxRadiusUm, int steps = DefaultSteps,
        (long Id, int[] Members)[]? groups = null)
    {
        ArgumentNullException.ThrowIfNull(voxels);
        if (!(maxRadiusUm > 0) || !double.IsFinite(maxRadiusUm)) throw new ArgumentOutOfRangeException(nameof(maxRadiusUm), maxRadiusUm, "must be > 0");
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "must be >= 1");
        _voxels = voxels;
        _scaler = scaler;
        _resolutionUm = resolutionUm;
        _maxUm = maxRadiusUm;
        RadiiUm = Enumerable.Range(1, steps).Select(k => k == steps ? maxRadiusUm : maxRadiusUm * k / steps).ToArray();
        int labels = voxels.RowLabels.Length;
        double voxelUm3 = resolutionUm.Z * resolutionUm.Y * resolutionUm.X / (scaler.Scaling.Z * scaler.Scaling.Y * scaler.Scaling.X);
        var labelVoxels = new long[labels];
        for (int r = 0; r < labels; r++) labelVoxels[r] = voxels.Voxels(r).Length;
        if (groups is null)
        {
            _rowsOfLabel = Enumerable.Range(0, labels).Select(r => new[] { r }).ToArray();
            _volumeUm3 = labelVoxels.Select(v => v * voxelUm3).ToArray();
        }
        else
        {
            var lists = Enumerable.Range(0, labels).Select(_ => new List<int>()).ToArray();
            _member = new bool[groups.Length][];
            _volumeUm3 = new double[groups.Length];
            for (int g = 0; g < groups.Length; g++)
            {
                _member[g] = new bool[labels];
                foreach (int m in groups[g].Members)
                {
                    lists[m].Add(g);
                    _member[g][m] = true;
                    _volumeUm3[g] += labelVoxels[m] * voxelUm3;
                }
            }
            _rowsOfLabel = lists.Select(l => l.ToArray()).ToArray();
        }
    }

    /// <summary>The radii, µm, ascending.</summary>
    public double[] RadiiUm { get; }

    /// <summary>Number of region rows (labels, or groups).</summary>
    public int Rows => _volumeUm3.Length;

    /// <summary>L from K: <c>∛(3K/(4π))</c>, µm (NaN stays NaN).</summary>
    public static double L(double kUm3) => Math.Cbrt(3 * kUm3 / (4 * Math.PI));

    /// <summary>
    /// K (µm³) per region row and radius, <c>[row][radius]</c>; NaN for a row without a blob of a or of b.
    /// Blobs outside the labels grid are left out.
    /// </summary>
    public double[][] K(ReadOnlySpan<Blob> a, ReadOnlySpan<Blob> b)
    {
        var pa = Place(a);
        var pb = Place(b);
        int rows = Rows, steps = RadiiUm.Length;
        var na = new long[rows];
        var nb = new long[rows];
        foreach (var p in pa) foreach (int g in _rowsOfLabel[p.Label]) na[g]++;
        foreach (var p in pb) foreach (int g in _rowsOfLabel[p.Label]) nb[g]++;
        var hist = new long[rows, steps];
        if (pa.Length > 0 && pb.Length > 0) CountPairs(pa, pb, hist);
        var k = new double[rows][];
        for (int g = 0; g < rows; g++)
        {
            k[g] = new double[steps];
            long cum = 0;
            for (int s = 0; s < steps; s++)
            {
                cum += hist[g, s];
                k[g][s] = na[g] > 0 && nb[g] > 0 ? _volumeUm3[g] / ((double)na[g] * nb[g]) * cum : double.NaN;
            }
        }
        return k;
    }

    private readonly record struct Point(double Z, double Y, double X, int Label);

    private Point[] Place(ReadOnlySpan<Blob> blobs)
    {
        var list = new List<Point>(blobs.Length);
        foreach (var blob in blobs)
            if (_scaler.Place(blob.Center, out long flat) != GridPlacement.Outside)
                list.Add(new Point(blob.Z * _resolutionUm.Z, blob.Y * _resolutionUm.Y, blob.X * _resolutionUm.X, _voxels.RowAt(flat)));
        return [.. list];
    }

    private void CountPairs(Point[] pa, Point[] pb, long[,] hist)
    {
        double minZ = double.MaxValue, minY = double.MaxValue, minX = double.MaxValue;
        double maxZ = double.MinValue, maxY = double.MinValue, maxX = double.MinValue;
        foreach (var set in new[] { pa, pb })
            foreach (var p in set)
            {
                minZ = Math.Min(minZ, p.Z); minY = Math.Min(minY, p.Y); minX = Math.Min(minX, p.X);
                maxZ = Math.Max(maxZ, p.Z); maxY = Math.Max(maxY, p.Y); maxX = Math.Max(maxX, p.X);
            }
        // Cells of side r_max, numbered from 1 with an empty margin, so a neighbour's key is the key plus a constant.
        long ny = (long)((maxY - minY) / _maxUm) + 3, nx = (long)((maxX - minX) / _maxUm) + 3;
        long Key(in Point p) =>
            (((long)((p.Z - minZ) / _maxUm) + 1) * ny + (long)((p.Y - minY) / _maxUm) + 1) * nx + (long)((p.X - minX) / _maxUm) + 1;
        var keyA = new long[pa.Length];
        var keyB = new long[pb.Length];
        var ia = Enumerable.Range(0, pa.Length).ToArray();
        var ib = Enumerable.Range(0, pb.Length).ToArray();
        for (int i = 0; i < pa.Length; i++) keyA[i] = Key(pa[i]);
        for (int j = 0; j < pb.Length; j++) keyB[j] = Key(pb[j]);
        Array.Sort(keyA, ia);
        Array.Sort(keyB, ib);
        double max2 = _maxUm * _maxUm, dr = _maxUm / RadiiUm.Length;
        int steps = RadiiUm.Length;
        for (int dz = -1; dz <= 1; dz++)
            for (int dy = -1; dy <= 1; dy++)
            {
                long offset = (dz * ny + dy) * nx;
                int start = 0;
                for (int i = 0; i < keyA.Length; i++)
                {
                    long lo = keyA[i] + offset - 1, hi = keyA[i] + offset + 1;
                    while (start < keyB.Length && keyB[start] < lo) start++;
                    var p = pa[ia[i]];
                    for (int j = start; j < keyB.Length && keyB[j] <= hi; j++)
                    {
                        var q = pb[ib[j]];
                        double ez = p.Z - q.Z, ey = p.Y - q.Y, ex = p.X - q.X;
                        double d2 = ez * ez + ey * ey + ex * ex;
                        if (d2 > max2) continue;
                        double d = Math.Sqrt(d2);
                        int s = Math.Clamp((int)Math.Ceiling(d / dr) - 1, 0, steps - 1);
                        while (s > 0 && d <= RadiiUm[s - 1]) s--;
                        while (s < steps - 1 && d > RadiiUm[s]) s++;
                        foreach (int g in _rowsOfLabel[p.Label])
                            if (_member is null ? q.Label == p.Label : _member[g][q.Label]) hist[g, s]++;
                    }
                }
            }
    }
}
