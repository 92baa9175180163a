using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Coloc.Core.Geometry;

namespace Coloc.Core.Detection;

/// <summary>
/// Streams the scale-normalised LoG stack of one region of the detection space plane by plane and collects its
/// 3×3×3×3 local maxima above the threshold, without ever holding the 4D stack. Per plane z: the z pass of every
/// scale (order 0 and 2, pair sums shared) into A_σ, B_σ, reading each strip of the 2·r_max+1 input rows once for all
/// scales; then per scale and row the y passes <c>T1 = Gy(B)</c>, <c>T2 = G2y(A)</c>, <c>T3 = Gy(A)</c> and the x passes
/// <c>L = −((Gx(T1) + Gx(T2)) + G2x(T3))·mean(σ)²</c> — scipy's <c>gaussian_laplace</c> operation for operation (mode
/// reflect at the region faces). Keeps a ring of the 2·r_max+1 input planes the z pass needs and of three LoG planes
/// per scale; maxima of plane z−1 are found once plane z is done (outside neighbours count as 0, as
/// <c>maximum_filter(mode="constant")</c>). Rows are split into fixed chunks run in parallel; every value is computed by
/// the same code whatever the chunking, so results are identical for any thread count.
/// </summary>
internal sealed unsafe class LogRegionDetector
{
    private const int Strip = 32;    // columns per L1 strip of the z and y stages
    private const int Batch = 8;     // rows per y+x batch: their y sources (2r + Batch rows) stay in L2, reused by the next batch
    private readonly IPlaneSource _source;
    private readonly LogScale[] _scales;
    private readonly ZyxInt _origin, _size;
    private readonly int _rMax, _cap, _plane, _stride, _threads;
    private readonly double*[] _ring;
    private readonly float*[] _ringSingle; // the input ring as floats when the source has a SingleScale (else empty)
    private readonly double _singleScale;
    private readonly PinnedPlanes _planes = new();
    private readonly FastLogFilter? _fast;
    private readonly int[] _ringHolds;
    private readonly double*[] _a, _b; // per scale
    private readonly double*[] _log; // [3 * S] planes: slot (z % 3) * S + s

    /// <summary>Prepares a region <paramref name="origin"/> + <paramref name="size"/> of <paramref name="source"/>.</summary>
    /// <param name="source">Input planes.</param>
    /// <param name="scales">The scales.</param>
    /// <param name="origin">Region origin z,y,x in the source, voxels.</param>
    /// <param name="size">Region size z,y,x, voxels.</param>
    /// <param name="threads">Worker threads (never changes the result).</param>
    /// <param name="mode">How LoG values are computed; default <see cref="DetectionMode.Exact"/>.</param>
    public LogRegionDetector(IPlaneSource source, LogScale[] scales, ZyxInt origin, ZyxInt size, int threads, DetectionMode mode = DetectionMode.Exact)
    {
        _source = source;
        _scales = scales;
        _origin = origin;
        _size = size;
        _threads = Math.Max(1, threads);
        _rMax = scales.Max(s => s.Radius);
        _stride = size.X + 8;
        _plane = checked(size.Y * _stride);
        _log = new double*[3 * scales.Length];
        for (int i = 0; i < _log.Length; i++) _log[i] = _planes.Next<double>(_plane);
        if (mode == DetectionMode.Fast)
        {
            _fast = new FastLogFilter(source, scales, origin, size, _threads);
            (_ring, _ringSingle, _ringHolds, _a, _b) = ([], [], [], [], []);
            return;
        }
        _cap = Math.Min(size.Z, 2 * _rMax + 1);
        _ringHolds = new int[_cap];
        Array.Fill(_ringHolds, -1);
        if (source.SingleScale is { } scale)
        {
            _singleScale = scale;
            _ring = [];
            _ringSingle = new float*[_cap];
            for (int i = 0; i < _cap; i++) _ringSingle[i] = _planes.Next<float>(_plane);
        }
        else
        {
            _ringSingle = [];
            _ring = new double*[_cap];
            for (int i = 0; i < _cap; i++) _ring[i] = _planes.Next<double>(_plane);
        }
        _a = new double*[scales.Length];
        _b = new double*[scales.Length];
        for (int i = 0; i < scales.Length; i++) { _a[i] = _planes.Next<double>(_plane); _b[i] = _planes.Next<double>(_plane); }
    }

    /// <summary>Stage timings, accumulated when set (profiling); default null.</summary>
    public DetectionStageTimes? Times { get; init; }

    /// <summary>
    /// Finds the peaks whose voxel lies in <paramref name="core"/> (global detection-space box inside the region)
    /// and that are strictly above <paramref name="threshold"/>; peaks are in global coordinates, unsorted.
    /// </summary>
    public List<LogPeak> Run(Box core, double threshold, Action<double>? progress, CancellationToken ct)
    {
        var peaks = new List<LogPeak>();
        int nz = _size.Z;
        for (int z = 0; z < nz; z++)
        {
            ct.ThrowIfCancellationRequested();
            if (_fast is not null)
            {
                var dst = new double*[_scales.Length];
                for (int s = 0; s < dst.Length; s++) dst[s] = _log[(z % 3) * _scales.Length + s];
                _fast.Compute(z, dst, _stride, Times);
            }
            else
            {
                Timed(DetectionStageTimes.Load, () => LoadPlanesFor(z));
                Timed(DetectionStageTimes.ZPass, () => ZPass(z));
                Timed(DetectionStageTimes.YxPass, () => YxPass(z));
            }
            if (z >= 1) Timed(DetectionStageTimes.Peaks, () => FindPeaks(z - 1, core, threshold, peaks));
            progress?.Invoke((z + 1.0) / nz);
        }
        Timed(DetectionStageTimes.Peaks, () => FindPeaks(nz - 1, core, threshold, peaks));
        return peaks;
    }

    private void Timed(int stage, Action run) => DetectionStageTimes.Timed(Times, stage, run);

    private void LoadPlanesFor(int z)
    {
        for (int k = -_rMax; k <= _rMax; k++)
        {
            int p = ScipyBoundary.Reflect(z + k, _size.Z);
            int slot = p % _cap;
            if (_ringHolds[slot] == p) continue;
            if (_ringSingle.Length > 0)
                _source.ReadWindowSingle(_origin.Z + p, _origin.Y, _size.Y, _origin.X, _size.X, new Span<float>(_ringSingle[slot], _plane), _stride);
            else
                _source.ReadWindow(_origin.Z + p, _origin.Y, _size.Y, _origin.X, _size.X, new Span<double>(_ring[slot], _plane), _stride);
            _ringHolds[slot] = p;
        }
    }

    private void ZPass(int z)
    {
        int ny = _size.Y, nx = _size.X, R = _rMax;
        bool single = _ringSingle.Length > 0;
        var planes = new double*[single ? 0 : 2 * R + 1];
        var planesSingle = new float*[single ? 2 * R + 1 : 0];
        for (int k = -R; k <= R; k++)
        {
            int slot = ScipyBoundary.Reflect(z + k, _size.Z) % _cap;
            if (single) planesSingle[k + R] = _ringSingle[slot];
            else planes[k + R] = _ring[slot];
        }
        RowChunks.For(ny, _threads, (y0, y1) =>
        {
            // On the heap: a hostile sigma must not overflow the stack (kernel radii are bounded by DetectionBudget).
            double** rows = (double**)NativeMemory.Alloc((nuint)(2L * R + 1), (nuint)sizeof(double*));
            float** rowsSingle = (float**)NativeMemory.Alloc((nuint)(2L * R + 1), (nuint)sizeof(float*));
            double* pairs = (double*)NativeMemory.Alloc((nuint)((R + 1L) * Strip), (nuint)sizeof(double));
            double* centre = pairs + (long)R * Strip;
            try
            {
                for (int y = y0; y < y1; y++)
                {
                    long off = (long)y * _stride;
                    // All scales on the same strip of input rows: pair sums once, kept in L1 for every scale.
                    for (int xs = 0; xs < nx; xs += Strip)
                    {
                        int n = Math.Min(nx, xs + Strip) - xs;
                        double* c;
                        if (single)
                        {
                            for (int k = 0; k <= 2 * R; k++) rowsSingle[k] = planesSingle[k] + off + xs;
                            SymmetricCorrelator.PairSums(rowsSingle, R, _singleScale, pairs, Strip, centre, n);
                            c = centre;
                        }
                        else
                        {
                            for (int k = 0; k <= 2 * R; k++) rows[k] = planes[k] + off + xs;
                            SymmetricCorrelator.PairSums(rows, R, pairs, Strip, n);
                            c = rows[R];
                        }
                        foreach (var s in _scales)
                            fixed (double* g0 = s.G0, g2 = s.G2)
                                SymmetricCorrelator.Correlate2(c, pairs, Strip, s.Radius, g0, g2, _a[s.Index] + off + xs, _b[s.Index] + off + xs, n);
                    }
                }
            }
            finally
            {
                NativeMemory.Free(pairs);
                NativeMemory.Free(rowsSingle);
                NativeMemory.Free(rows);
            }
        });
    }

    private void YxPass(int z)
    {
        int ny = _size.Y, nx = _size.X, pad = _rMax, R = _rMax;
        RowChunks.For(ny, _threads, (y0, y1) =>
        {
            int ext = nx + 2 * pad, rowsN = y1 - y0;
            double* buf = (double*)NativeMemory.Alloc((nuint)(3L * Math.Min(rowsN, Batch) * ext), (nuint)sizeof(double));
            double** tab = (double**)NativeMemory.Alloc((nuint)(2L * rowsN * (2 * R + 1)), (nuint)sizeof(double*));
            try
            {
                foreach (var s in _scales)
                {
                    int r = s.Radius, w = 2 * r + 1;
                    double* a = _a[s.Index], b = _b[s.Index], log = _log[(z % 3) * _scales.Length + s.Index];
                    double** rowsA = tab, rowsB = tab + (long)rowsN * w;
                    for (int y = y0; y < y1; y++)
                        for (int k = -r; k <= r; k++)
                        {
                            long off = (long)ScipyBoundary.Reflect(y + k, ny) * _stride;
                            rowsA[(long)(y - y0) * w + k + r] = a + off;
                            rowsB[(long)(y - y0) * w + k + r] = b + off;
                        }
                    fixed (double* g0 = s.G0, g2 = s.G2)
                    {
                        for (int yb = y0; yb < y1; yb += Batch)
                        {
                            int ye = Math.Min(y1, yb + Batch);
                            // y stage strip by strip, rows in order, so the sliding 2r+1 source rows stay in L1.
                            for (int xs = 0; xs < nx; xs += Strip)
                            {
                                int xe = Math.Min(nx, xs + Strip);
                                for (int y = yb; y < ye; y++)
                                {
                                    double* t = buf + (long)(y - yb) * 3 * ext + pad;
                                    LogRowKernels.Y3(rowsA + (long)(y - y0) * w, rowsB + (long)(y - y0) * w, r, g0, g2, t, t + ext, t + 2 * ext, xs, xe);
                                }
                            }
                            for (int y = yb; y < ye; y++)
                            {
                                double* t1 = buf + (long)(y - yb) * 3 * ext + pad, t2 = t1 + ext, t3 = t2 + ext;
                                for (int x = -r; x < 0; x++) Mirror(t1, t2, t3, x, ScipyBoundary.Reflect(x, nx));
                                for (int x = nx; x < nx + r; x++) Mirror(t1, t2, t3, x, ScipyBoundary.Reflect(x, nx));
                                LogRowKernels.X3(t1, t2, t3, r, g0, g2, s.Normalisation, log + (long)y * _stride, nx);
                            }
                        }
                    }
                }
            }
            finally
            {
                NativeMemory.Free(tab);
                NativeMemory.Free(buf);
            }
        });
    }

    private static void Mirror(double* t1, double* t2, double* t3, int x, int src)
    {
        t1[x] = t1[src];
        t2[x] = t2[src];
        t3[x] = t3[src];
    }

    private void FindPeaks(int zl, Box core, double threshold, List<LogPeak> peaks)
    {
        int gz = _origin.Z + zl;
        if (gz < core.Offset.Z || gz >= core.Offset.Z + core.Size.Z) return;
        int S = _scales.Length, nz = _size.Z, ny = _size.Y, nx = _size.X;
        int cy0 = (int)core.Offset.Y - _origin.Y, cy1 = cy0 + (int)core.Size.Y;
        int cx0 = (int)core.Offset.X - _origin.X, cx1 = cx0 + (int)core.Size.X;
        var planes = new double*[3 * S]; // [dz + 1][s], null outside the region
        for (int dz = -1; dz <= 1; dz++)
            for (int s = 0; s < S; s++)
                planes[(dz + 1) * S + s] = zl + dz < 0 || zl + dz >= nz ? null : _log[((zl + dz) % 3) * S + s];
        var found = new List<LogPeak>[Math.Max(1, cy1 - cy0)];
        var thr = Vector256.Create(threshold);
        void Check(double* row, int s, int y, int x, ref List<LogPeak>? list)
        {
            double v = row[x];
            // The x neighbours first: most voxels above the threshold fail there (the same test IsMax makes).
            if (!(v > threshold) || (x > 0 && !(v >= row[x - 1])) || (x + 1 < nx && !(v >= row[x + 1]))) return;
            if (IsMax(planes, S, s, y, x, ny, nx, _stride, v))
                (list ??= new()).Add(new LogPeak(gz, _origin.Y + y, _origin.X + x, s, _scales[s].Sigma, v));
        }
        RowChunks.For(cy1 - cy0, _threads, (c0, c1) =>
        {
            for (int yi = c0; yi < c1; yi++)
            {
                int y = cy0 + yi;
                List<LogPeak>? list = null;
                for (int s = 0; s < S; s++)
                {
                    double* row = planes[S + s] + (long)y * _stride;
                    int x = cx0;
                    for (; x <= cx1 - 8; x += 8)
                    {
                        if (!Vector256.GreaterThanAny(Vector256.Max(Vector256.Load(row + x), Vector256.Load(row + x + 4)), thr))
                            continue;
                        for (int k = x; k < x + 8; k++) Check(row, s, y, k, ref list);
                    }
                    for (; x < cx1; x++) Check(row, s, y, x, ref list);
                }
                found[yi] = list!;
            }
        });
        foreach (var l in found) if (l is not null) peaks.AddRange(l);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsMax(double*[] planes, int S, int s, int y, int x, int ny, int nx, int stride, double v)
    {
        for (int dz = 0; dz < 3; dz++)
            for (int ds = -1; ds <= 1; ds++)
            {
                int ss = s + ds;
                double* p = ss < 0 || ss >= S ? null : planes[dz * S + ss];
                for (int dy = -1; dy <= 1; dy++)
                {
                    int yy = y + dy;
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int xx = x + dx;
                        // maximum_filter(mode="constant", cval=0): outside neighbours count as 0.
                        double n = p == null || yy < 0 || yy >= ny || xx < 0 || xx >= nx ? 0.0 : p[(long)yy * stride + xx];
                        if (!(v >= n)) return false;
                    }
                }
            }
        return true;
    }
}
