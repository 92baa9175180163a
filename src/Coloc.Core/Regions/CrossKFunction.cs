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
/// Pairs are found with cells of about the largest radius over channel a (<see cref="CrossKCenters"/>, built once per
/// channel a), which every blob of b visits: linear in the blobs, no sort per draw.
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
    public double[][] K(ReadOnlySpan<Blob> a, ReadOnlySpan<Blob> b) => K(Centers(a), b);

    /// <summary>Channel a's blobs prepared for <see cref="K(CrossKCenters, ReadOnlySpan{Blob})"/> (once for all null draws).</summary>
    public CrossKCenters Centers(ReadOnlySpan<Blob> a)
    {
        var z = new List<double>(a.Length);
        var y = new List<double>(a.Length);
        var x = new List<double>(a.Length);
        var label = new List<int>(a.Length);
        var count = new long[Rows];
        foreach (var blob in a)
            if (PlaceUm(blob, out double pz, out double py, out double px, out int l))
            {
                z.Add(pz); y.Add(py); x.Add(px); label.Add(l);
                foreach (int g in _rowsOfLabel[l]) count[g]++;
            }
        return new CrossKCenters([.. z], [.. y], [.. x], [.. label], count, _maxUm);
    }

    /// <summary>
    /// <see cref="K(ReadOnlySpan{Blob}, ReadOnlySpan{Blob})"/> with channel a prepared by <see cref="Centers"/>: each
    /// blob of b visits the cells of a around it, so a draw costs one pass over b (no sort).
    /// </summary>
    public double[][] K(CrossKCenters a, ReadOnlySpan<Blob> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        int rows = Rows, steps = RadiiUm.Length;
        var na = a.CountPerRow;
        var nb = new long[rows];
        var hist = new long[rows, steps];
        double max2 = _maxUm * _maxUm, dr = _maxUm / steps;
        int sy = a.CellsX, sz = a.CellsY * a.CellsX;
        foreach (var blob in b)
        {
            if (!PlaceUm(blob, out double qz, out double qy, out double qx, out int ql)) continue;
            foreach (int g in _rowsOfLabel[ql]) nb[g]++;
            if (!a.CellOf(qz, qy, qx, out int cz, out int cy, out int cx)) continue;
            int x0 = Math.Max(cx - 1, 0), x1 = Math.Min(cx + 1, a.CellsX - 1);
            for (int iz = Math.Max(cz - 1, 0); iz <= Math.Min(cz + 1, a.CellsZ - 1); iz++)
                for (int iy = Math.Max(cy - 1, 0); iy <= Math.Min(cy + 1, a.CellsY - 1); iy++)
                {
                    int cell = iz * sz + iy * sy;
                    for (int i = a.CellStart[cell + x0], e = a.CellStart[cell + x1 + 1]; i < e; i++)
                    {
                        double ez = a.Z[i] - qz, ey = a.Y[i] - qy, ex = a.X[i] - qx;
                        double d2 = ez * ez + ey * ey + ex * ex;
                        if (d2 > max2) continue;
                        double d = Math.Sqrt(d2);
                        int s = Math.Clamp((int)Math.Ceiling(d / dr) - 1, 0, steps - 1);
                        while (s > 0 && d <= RadiiUm[s - 1]) s--;
                        while (s < steps - 1 && d > RadiiUm[s]) s++;
                        int pl = a.Label[i];
                        foreach (int g in _rowsOfLabel[pl])
                            if (_member is null ? ql == pl : _member[g][ql]) hist[g, s]++;
                    }
                }
        }
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

    /// <summary>The blob's position in µm and its label row; false outside the labels grid.</summary>
    private bool PlaceUm(in Blob blob, out double z, out double y, out double x, out int label)
    {
        (z, y, x, label) = (blob.Z * _resolutionUm.Z, blob.Y * _resolutionUm.Y, blob.X * _resolutionUm.X, -1);
        if (_scaler.Place(blob.Center, out long flat) == GridPlacement.Outside) return false;
        label = _voxels.RowAt(flat);
        return true;
    }
}
