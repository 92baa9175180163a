using System.Runtime.Intrinsics;

namespace Coloc.Core.Detection;

/// <summary>
/// The symmetric branch of scipy's <c>NI_Correlate1D</c>, vectorised across x: for each output
/// <c>out = src[0]·w[0]</c>, then for j = r down to 1 <c>out += (src[−j] + src[+j])·w[j]</c>, in double precision with
/// separate multiply and add (no FMA), so every lane gives the same bits as scipy's scalar loop. The source "lines" are
/// given as 2r+1 row pointers (the z pass reads one row from each of 2r+1 planes). Two vectors are
/// processed per step so the four accumulation chains overlap.
/// </summary>
internal static unsafe class SymmetricCorrelator
{
    /// <summary>Columns [<paramref name="x0"/>, <paramref name="n"/>), two kernels on the same source (pair sums shared): <paramref name="dstA"/> with <paramref name="wa"/>, <paramref name="dstB"/> with <paramref name="wb"/>.</summary>
    public static void Correlate2(double** rows, int r, double[] wa, double[] wb, double* dstA, double* dstB, int x0, int n)
    {
        fixed (double* pa = wa, pb = wb)
        {
            double* c = rows[r];
            int x = x0;
            var a0 = Vector256.Create(pa[0]);
            var b0 = Vector256.Create(pb[0]);
            for (; x <= n - 8; x += 8)
            {
                var c0 = Vector256.Load(c + x);
                var c1 = Vector256.Load(c + x + 4);
                var sa0 = c0 * a0; var sb0 = c0 * b0;
                var sa1 = c1 * a0; var sb1 = c1 * b0;
                for (int j = r; j >= 1; j--)
                {
                    double* lo = rows[r - j] + x, hi = rows[r + j] + x;
                    var wa_ = Vector256.Create(pa[j]);
                    var wb_ = Vector256.Create(pb[j]);
                    var t0 = Vector256.Load(lo) + Vector256.Load(hi);
                    var t1 = Vector256.Load(lo + 4) + Vector256.Load(hi + 4);
                    sa0 += t0 * wa_; sb0 += t0 * wb_;
                    sa1 += t1 * wa_; sb1 += t1 * wb_;
                }
                sa0.Store(dstA + x); sa1.Store(dstA + x + 4);
                sb0.Store(dstB + x); sb1.Store(dstB + x + 4);
            }
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
