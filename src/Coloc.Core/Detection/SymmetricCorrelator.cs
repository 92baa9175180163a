using System.Runtime.Intrinsics;

namespace Coloc.Core.Detection;

/// <summary>
/// The symmetric branch of scipy's <c>NI_Correlate1D</c>, vectorised across x: for each output
/// <c>out = src[0]·w[0]</c>, then for j = r down to 1 <c>out += (src[−j] + src[+j])·w[j]</c>, in double precision with
/// separate multiply and add (no FMA), so every lane gives the same bits as scipy's scalar loop. The pair sums
/// <c>src[−j] + src[+j]</c> do not depend on the kernel, so the z pass computes them once per strip of a row for every
/// scale (<see cref="PairSums(double**, int, double*, int, int)"/>) and each scale only multiplies and adds (<see cref="Correlate2"/>).
/// </summary>
internal static unsafe class SymmetricCorrelator
{
    /// <summary>
    /// <c>pairs[(j − 1)·pairStride + i] = rows[R − j][i] + rows[R + j][i]</c> for j = 1..R, i in [0, n):
    /// <paramref name="rows"/> are the 2R+1 source lines (the z pass: one row from each of 2R+1 planes), already offset
    /// to the strip's first column.
    /// </summary>
    public static void PairSums(double** rows, int R, double* pairs, int pairStride, int n)
    {
        for (int j = 1; j <= R; j++)
        {
            double* lo = rows[R - j], hi = rows[R + j], p = pairs + (long)(j - 1) * pairStride;
            int i = 0;
            for (; i <= n - 4; i += 4) (Vector256.Load(lo + i) + Vector256.Load(hi + i)).Store(p + i);
            for (; i < n; i++) p[i] = lo[i] + hi[i];
        }
    }

    /// <summary>
    /// As <see cref="PairSums(double**, int, double*, int, int)"/> from float rows whose values are <c>(double)f · scale</c>:
    /// each side is converted and scaled before the sum, so the pair sums are those of the double rows bit for bit.
    /// <paramref name="centre"/> receives the converted centre line.
    /// </summary>
    public static void PairSums(float** rows, int R, double scale, double* pairs, int pairStride, double* centre, int n)
    {
        var sc = Vector256.Create(scale);
        for (int j = 0; j <= R; j++)
        {
            float* lo = rows[R - j], hi = rows[R + j];
            double* p = j == 0 ? centre : pairs + (long)(j - 1) * pairStride;
            int i = 0;
            for (; i <= n - 8; i += 8)
            {
                var (l0, l1) = Vector256.Widen(Vector256.Load(lo + i));
                if (j == 0)
                {
                    (l0 * sc).Store(p + i);
                    (l1 * sc).Store(p + i + 4);
                    continue;
                }
                var (h0, h1) = Vector256.Widen(Vector256.Load(hi + i));
                (l0 * sc + h0 * sc).Store(p + i);
                (l1 * sc + h1 * sc).Store(p + i + 4);
            }
            for (; i < n; i++) p[i] = j == 0 ? lo[i] * scale : lo[i] * scale + hi[i] * scale;
        }
    }

    /// <summary>
    /// Two kernels of radius <paramref name="r"/> on the same source, n outputs: <paramref name="dstA"/> with
    /// <paramref name="wa"/>, <paramref name="dstB"/> with <paramref name="wb"/>, from the centre line and the pair
    /// sums of <see cref="PairSums(double**, int, double*, int, int)"/> (j = 1 at <paramref name="pairs"/>).
    /// </summary>
    public static void Correlate2(double* centre, double* pairs, int pairStride, int r, double* wa, double* wb, double* dstA, double* dstB, int n)
    {
        int x = 0;
        var a0 = Vector256.Create(wa[0]);
        var b0 = Vector256.Create(wb[0]);
        for (; x <= n - 8; x += 8)
        {
            var c0 = Vector256.Load(centre + x);
            var c1 = Vector256.Load(centre + x + 4);
            var sa0 = c0 * a0; var sb0 = c0 * b0;
            var sa1 = c1 * a0; var sb1 = c1 * b0;
            for (int j = r; j >= 1; j--)
            {
                double* p = pairs + (long)(j - 1) * pairStride + x;
                var wa_ = Vector256.Create(wa[j]);
                var wb_ = Vector256.Create(wb[j]);
                var t0 = Vector256.Load(p);
                var t1 = Vector256.Load(p + 4);
                sa0 += t0 * wa_; sb0 += t0 * wb_;
                sa1 += t1 * wa_; sb1 += t1 * wb_;
            }
            sa0.Store(dstA + x); sa1.Store(dstA + x + 4);
            sb0.Store(dstB + x); sb1.Store(dstB + x + 4);
        }
        for (; x < n; x++)
        {
            double a = centre[x] * wa[0];
            double b = centre[x] * wb[0];
            for (int j = r; j >= 1; j--)
            {
                double t = pairs[(long)(j - 1) * pairStride + x];
                a += t * wa[j];
                b += t * wb[j];
            }
            dstA[x] = a;
            dstB[x] = b;
        }
    }
}
