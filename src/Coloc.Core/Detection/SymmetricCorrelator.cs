using System.Runtime.Intrinsics;

namespace Coloc.Core.Detection;

/// <summary>
/// The symmetric branch of scipy's <c>NI_Correlate1D</c>, vectorised across x: for each output
/// <c>out = src[0]·w[0]</c>, then for j = r down to 1 <c>out += (src[−j] + src[+j])·w[j]</c>, in double precision with
/// separate multiply and add (no FMA), so every lane gives the same bits as scipy's scalar loop. The source "lines" are
/// given as 2r+1 row pointers (planes for z, rows for y, shifted pointers into a padded row for x).
/// </summary>
internal static unsafe class SymmetricCorrelator
{
    /// <summary>One kernel: <paramref name="dst"/>[x] for x in [0, n).</summary>
    public static void Correlate(double** rows, int r, double[] w, double* dst, int n)
    {
        fixed (double* pw = w)
        {
            double* c = rows[r];
            int x = 0;
            var w0 = Vector256.Create(pw[0]);
            for (; x <= n - 4; x += 4)
            {
                var acc = Vector256.Load(c + x) * w0;
                for (int j = r; j >= 1; j--)
                {
                    var t = Vector256.Load(rows[r - j] + x) + Vector256.Load(rows[r + j] + x);
                    acc += t * Vector256.Create(pw[j]);
                }
                acc.Store(dst + x);
            }
            for (; x < n; x++)
            {
                double acc = c[x] * pw[0];
                for (int j = r; j >= 1; j--) acc += (rows[r - j][x] + rows[r + j][x]) * pw[j];
                dst[x] = acc;
            }
        }
    }

    /// <summary>Two kernels on the same source (pair sums shared): <paramref name="dstA"/> with <paramref name="wa"/>, <paramref name="dstB"/> with <paramref name="wb"/>.</summary>
    public static void Correlate2(double** rows, int r, double[] wa, double[] wb, double* dstA, double* dstB, int n)
    {
        fixed (double* pa = wa, pb = wb)
        {
            double* c = rows[r];
            int x = 0;
            var a0 = Vector256.Create(pa[0]);
            var b0 = Vector256.Create(pb[0]);
            for (; x <= n - 4; x += 4)
            {
                var cv = Vector256.Load(c + x);
                var a = cv * a0;
                var b = cv * b0;
                for (int j = r; j >= 1; j--)
                {
                    var t = Vector256.Load(rows[r - j] + x) + Vector256.Load(rows[r + j] + x);
                    a += t * Vector256.Create(pa[j]);
                    b += t * Vector256.Create(pb[j]);
                }
                a.Store(dstA + x);
                b.Store(dstB + x);
            }
            for (; x < n; x++)
            {
                double a = c[x] * pa[0];
                double b = c[x] * pb[0];
                for (int j = r; j >= 1; j--)
                {
                    double t = rows[r - j][x] + rows[r + j][x];
                    a += t * pa[j];
                    b += t * pb[j];
                }
                dstA[x] = a;
                dstB[x] = b;
            }
        }
    }
}
