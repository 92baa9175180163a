using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Coloc.Core.Geometry;

namespace Coloc.Core.Detection;

/// <summary>
/// The LoG planes of <see cref="DetectionMode.Fast"/> for one region, plane by plane: per scale the Gaussian
/// <c>S = Gx(Gy(Gz(I)))</c> in float32 (scipy's kernels of radius <c>int(4σ + 0.5)</c>, mode reflect, fused multiply-add,
/// the z pair sums computed once for all scales), then <c>L = −σ²·(∂zz + ∂yy + ∂xx) S</c> with the 5-point second
/// difference <c>(−S[−2] + 16·S[−1] − 30·S[0] + 16·S[1] − S[2]) / 12</c> per axis (S reflected at the faces). Needs
/// two more voxels of input than the exact filter around a region (<see cref="ExtraReachVoxels"/>). Rows are split into
/// fixed chunks run in parallel; results do not depend on the thread count.
/// </summary>
internal sealed unsafe class FastLogFilter
{
    /// <summary>Voxels of input beyond the kernel radius a LoG value depends on (the second difference reaches ±2).</summary>
    public const int ExtraReachVoxels = 2;

    private const int Strip = 64;        // floats per L1 strip of the z and y stages
    private const int Pad = 2;           // reflected columns each side of a smoothed row
    private const int SSlots = 5;        // smoothed planes z−2..z+2 per scale
    private readonly IPlaneSource _source;
    private readonly LogScale[] _scales;
    private readonly float[][] _g;       // half Gaussian kernels per scale
    private readonly ZyxInt _origin, _size;
    private readonly int _rMax, _cap, _stride, _sStride, _threads;
    private readonly PinnedPlanes _planes = new();
    private readonly float*[] _ring;
    private readonly int[] _ringHolds;
    private readonly double* _load;
    private readonly float*[] _z;        // z pass output per scale
    private readonly float*[] _s;        // [slot * S + scale], rows at y·_sStride + Pad
    private int _next;                   // next smoothed plane to compute

    /// <summary>Prepares region <paramref name="origin"/> + <paramref name="size"/> of <paramref name="source"/>.</summary>
    public FastLogFilter(IPlaneSource source, LogScale[] scales, ZyxInt origin, ZyxInt size, int threads)
    {
        _source = source;
        _scales = scales;
        _g = scales.Select(s => s.G0.Select(w => (float)w).ToArray()).ToArray();
        _origin = origin;
        _size = size;
        _threads = Math.Max(1, threads);
        _rMax = scales.Max(s => s.Radius);
        _cap = Math.Min(size.Z, 2 * _rMax + 1);
        _stride = size.X + 16;
        _sStride = size.X + 2 * Pad + 12;
        int plane = checked(size.Y * _stride), sPlane = checked(size.Y * _sStride);
        _ring = new float*[_cap];
        _ringHolds = new int[_cap];
        Array.Fill(_ringHolds, -1);
        for (int i = 0; i < _cap; i++) _ring[i] = _planes.Next<float>(plane);
        _load = _planes.Next<double>(checked(size.Y * size.X));
        _z = new float*[scales.Length];
        for (int i = 0; i < scales.Length; i++) _z[i] = _planes.Next<float>(plane);
        _s = new float*[SSlots * scales.Length];
        for (int i = 0; i < _s.Length; i++) _s[i] = _planes.Next<float>(sPlane);
    }

    /// <summary>Writes the LoG plane <paramref name="z"/> (region-local) of scale s to <paramref name="dst"/>[s], row y at <c>y·<paramref name="dstStride"/></c>; planes in increasing z. <paramref name="times"/>: stage timings (optional).</summary>
    public void Compute(int z, double*[] dst, int dstStride, DetectionStageTimes? times)
    {
        for (int last = Math.Min(_size.Z - 1, z + 2); _next <= last; _next++)
        {
            int zs = _next;
            DetectionStageTimes.Timed(times, DetectionStageTimes.Load, () => Load(zs));
            DetectionStageTimes.Timed(times, DetectionStageTimes.ZPass, () => ZPass(zs));
            DetectionStageTimes.Timed(times, DetectionStageTimes.YxPass, () => YxPass(zs));
        }
        DetectionStageTimes.Timed(times, DetectionStageTimes.SecondDifferences, () => Laplacian(z, dst, dstStride));
    }

    private void Load(int z)
    {
        int nz = _size.Z, ny = _size.Y, nx = _size.X, R = _rMax;
        for (int k = -R; k <= R; k++)
        {
            int p = ScipyBoundary.Reflect(z + k, nz), slot = p % _cap;
            if (_ringHolds[slot] == p) continue;
            _source.ReadWindow(_origin.Z + p, _origin.Y, ny, _origin.X, nx, new Span<double>(_load, ny * nx), nx);
            float* dst = _ring[slot];
            for (int y = 0; y < ny; y++)
                for (int x = 0; x < nx; x++) dst[(long)y * _stride + x] = (float)_load[(long)y * nx + x];
            _ringHolds[slot] = p;
        }
    }

    private void ZPass(int z)
    {
        int nz = _size.Z, ny = _size.Y, nx = _size.X, R = _rMax;
        var planes = new float*[2 * R + 1];
        for (int k = -R; k <= R; k++) planes[k + R] = _ring[ScipyBoundary.Reflect(z + k, nz) % _cap];
        RowChunks.For(ny, _threads, (y0, y1) =>
        {
            float* pairs = (float*)NativeMemory.Alloc((nuint)Math.Max(1L, (long)R * Strip), sizeof(float));
            try
            {
                for (int y = y0; y < y1; y++)
                {
                    long off = (long)y * _stride;
                    for (int xs = 0; xs < nx; xs += Strip)
                    {
                        int n = Math.Min(nx, xs + Strip) - xs;
                        for (int j = 1; j <= R; j++)
                            Add(planes[R - j] + off + xs, planes[R + j] + off + xs, pairs + (long)(j - 1) * Strip, n);
                        for (int s = 0; s < _scales.Length; s++)
                            fixed (float* g = _g[s])
                                Correlate(planes[R] + off + xs, pairs, Strip, _scales[s].Radius, g, _z[s] + off + xs, n);
                    }
                }
            }
            finally
            {
                NativeMemory.Free(pairs);
            }
        });
    }

    private void YxPass(int z)
    {
        int ny = _size.Y, nx = _size.X, R = _rMax, slotS = z % SSlots;
        RowChunks.For(ny, _threads, (y0, y1) =>
        {
            int ext = nx + 2 * R, rowsN = y1 - y0;
            float* buf = (float*)NativeMemory.Alloc((nuint)((long)rowsN * ext), sizeof(float));
            float* rowPairs = (float*)NativeMemory.Alloc((nuint)Math.Max(1L, (long)R * Strip), sizeof(float));
            try
            {
                for (int s = 0; s < _scales.Length; s++)
                {
                    int r = _scales[s].Radius;
                    float* src = _z[s], sPlane = _s[slotS * _scales.Length + s];
                    fixed (float* g = _g[s])
                    {
                        for (int xs = 0; xs < nx; xs += Strip)
                        {
                            int n = Math.Min(nx, xs + Strip) - xs;
                            for (int y = y0; y < y1; y++)
                            {
                                for (int j = 1; j <= r; j++)
                                    Add(src + (long)ScipyBoundary.Reflect(y - j, ny) * _stride + xs, src + (long)ScipyBoundary.Reflect(y + j, ny) * _stride + xs,
                                        rowPairs + (long)(j - 1) * Strip, n);
                                Correlate(src + (long)y * _stride + xs, rowPairs, Strip, r, g, buf + (long)(y - y0) * ext + R + xs, n);
                            }
                        }
                        for (int y = y0; y < y1; y++)
                        {
                            float* t = buf + (long)(y - y0) * ext + R;
                            for (int x = -r; x < 0; x++) t[x] = t[ScipyBoundary.Reflect(x, nx)];
                            for (int x = nx; x < nx + r; x++) t[x] = t[ScipyBoundary.Reflect(x, nx)];
                            float* o = sPlane + (long)y * _sStride + Pad;
                            CorrelateRow(t, r, g, o, nx);
                            for (int x = -Pad; x < 0; x++) o[x] = o[ScipyBoundary.Reflect(x, nx)];
                            for (int x = nx; x < nx + Pad; x++) o[x] = o[ScipyBoundary.Reflect(x, nx)];
                        }
                    }
                }
            }
            finally
            {
                NativeMemory.Free(rowPairs);
                NativeMemory.Free(buf);
            }
        });
    }

    private void Laplacian(int z, double*[] dst, int dstStride)
    {
        int nz = _size.Z, ny = _size.Y, nx = _size.X, S = _scales.Length;
        var slot = new int[5];
        for (int k = -2; k <= 2; k++) slot[k + 2] = ScipyBoundary.Reflect(z + k, nz) % SSlots;
        RowChunks.For(ny, _threads, (y0, y1) =>
        {
            for (int s = 0; s < S; s++)
            {
                float* zm2 = _s[slot[0] * S + s], zm1 = _s[slot[1] * S + s], z0 = _s[slot[2] * S + s], zp1 = _s[slot[3] * S + s], zp2 = _s[slot[4] * S + s];
                float norm = (float)(-_scales[s].Normalisation / 12.0);
                for (int y = y0; y < y1; y++)
                {
                    long c = (long)y * _sStride + Pad;
                    long ym2 = (long)ScipyBoundary.Reflect(y - 2, ny) * _sStride + Pad, ym1 = (long)ScipyBoundary.Reflect(y - 1, ny) * _sStride + Pad;
                    long yp1 = (long)ScipyBoundary.Reflect(y + 1, ny) * _sStride + Pad, yp2 = (long)ScipyBoundary.Reflect(y + 2, ny) * _sStride + Pad;
                    SecondDifferences(z0 + c, z0 + ym2, z0 + ym1, z0 + yp1, z0 + yp2, zm2 + c, zm1 + c, zp1 + c, zp2 + c, norm,
                        dst[s] + (long)y * dstStride, nx);
                }
            }
        });
    }

    /// <summary><c>out = norm·(16·Σ(±1 neighbours) − Σ(±2 neighbours) − 90·centre)</c> over the three axes, widened to double.</summary>
    private static void SecondDifferences(float* c, float* ym2, float* ym1, float* yp1, float* yp2, float* zm2, float* zm1, float* zp1, float* zp2,
        float norm, double* dst, int n)
    {
        var v16 = Vector256.Create(16f);
        var v90 = Vector256.Create(-90f);
        var vn = Vector256.Create(norm);
        int x = 0;
        for (; x <= n - 8; x += 8)
        {
            var near = Vector256.Load(c + x - 1) + Vector256.Load(c + x + 1) + Vector256.Load(ym1 + x) + Vector256.Load(yp1 + x)
                + Vector256.Load(zm1 + x) + Vector256.Load(zp1 + x);
            var far = Vector256.Load(c + x - 2) + Vector256.Load(c + x + 2) + Vector256.Load(ym2 + x) + Vector256.Load(yp2 + x)
                + Vector256.Load(zm2 + x) + Vector256.Load(zp2 + x);
            var sum = MulAdd(Vector256.Load(c + x), v90, MulAdd(near, v16, -far));
            var (lo, hi) = Vector256.Widen(sum * vn);
            lo.Store(dst + x);
            hi.Store(dst + x + 4);
        }
        for (; x < n; x++)
        {
            float near = c[x - 1] + c[x + 1] + ym1[x] + yp1[x] + zm1[x] + zp1[x];
            float far = c[x - 2] + c[x + 2] + ym2[x] + yp2[x] + zm2[x] + zp2[x];
            dst[x] = (c[x] * -90f + (near * 16f - far)) * norm;
        }
    }

    /// <summary><c>p[i] = a[i] + b[i]</c>, i in [0, n).</summary>
    private static void Add(float* a, float* b, float* p, int n)
    {
        int i = 0;
        for (; i <= n - 8; i += 8) (Vector256.Load(a + i) + Vector256.Load(b + i)).Store(p + i);
        for (; i < n; i++) p[i] = a[i] + b[i];
    }

    /// <summary><c>dst[i] = centre[i]·g[0] + Σ_j pairs_j[i]·g[j]</c>, j = r..1, pairs_j at <c>(j − 1)·stride</c>.</summary>
    private static void Correlate(float* centre, float* pairs, int stride, int r, float* g, float* dst, int n)
    {
        var g0 = Vector256.Create(g[0]);
        int x = 0;
        for (; x <= n - 16; x += 16)
        {
            var a = Vector256.Load(centre + x) * g0;
            var b = Vector256.Load(centre + x + 8) * g0;
            for (int j = r; j >= 1; j--)
            {
                float* p = pairs + (long)(j - 1) * stride + x;
                var w = Vector256.Create(g[j]);
                a = MulAdd(Vector256.Load(p), w, a);
                b = MulAdd(Vector256.Load(p + 8), w, b);
            }
            a.Store(dst + x);
            b.Store(dst + x + 8);
        }
        for (; x < n; x++)
        {
            float a = centre[x] * g[0];
            for (int j = r; j >= 1; j--) a += pairs[(long)(j - 1) * stride + x] * g[j];
            dst[x] = a;
        }
    }

    /// <summary>x pass of one row: <paramref name="t"/> points at x = 0 of a row padded by r reflected values each side.</summary>
    private static void CorrelateRow(float* t, int r, float* g, float* dst, int n)
    {
        var g0 = Vector256.Create(g[0]);
        int x = 0;
        for (; x <= n - 16; x += 16)
        {
            var a = Vector256.Load(t + x) * g0;
            var b = Vector256.Load(t + x + 8) * g0;
            for (int j = r; j >= 1; j--)
            {
                var w = Vector256.Create(g[j]);
                a = MulAdd(Vector256.Load(t + x - j) + Vector256.Load(t + x + j), w, a);
                b = MulAdd(Vector256.Load(t + x + 8 - j) + Vector256.Load(t + x + 8 + j), w, b);
            }
            a.Store(dst + x);
            b.Store(dst + x + 8);
        }
        for (; x < n; x++)
        {
            float a = t[x] * g[0];
            for (int j = r; j >= 1; j--) a += (t[x - j] + t[x + j]) * g[j];
            dst[x] = a;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MulAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : a * b + c;
}
