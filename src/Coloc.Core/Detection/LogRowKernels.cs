using System.Runtime.Intrinsics;

namespace Coloc.Core.Detection;

/// <summary>
/// The y and x stages of <c>gaussian_laplace</c> fused per row, with scipy's symmetric correlation order per output
/// (centre term first, then pairs from the outermost inwards; separate multiply and add, no FMA):
/// y stage <c>T1 = Gy(B)</c>, <c>T2 = G2y(A)</c>, <c>T3 = Gy(A)</c>; x stage
/// <c>L = −((Gx(T1) + Gx(T2)) + G2x(T3)) · norm</c>. Two vectors per step keep six accumulation chains in flight.
/// </summary>
internal static unsafe class LogRowKernels
{
    /// <summary>y stage for one row, columns [<paramref name="x0"/>, <paramref name="n"/>): <paramref name="rowsA"/>/<paramref name="rowsB"/> are the 2r+1 rows y−r..y+r (reflected) of A and B.</summary>
    public static void Y3(double** rowsA, double** rowsB, int r, double* g0, double* g2, double* t1, double* t2, double* t3, int x0, int n)
    {
        double* ca = rowsA[r], cb = rowsB[r];
        var g00 = Vector256.Create(g0[0]);
        var g20 = Vector256.Create(g2[0]);
        int x = x0;
        for (; x <= n - 8; x += 8)
        {
            var a0 = Vector256.Load(ca + x); var a1 = Vector256.Load(ca + x + 4);
            var b0 = Vector256.Load(cb + x); var b1 = Vector256.Load(cb + x + 4);
            var s1a = b0 * g00; var s1b = b1 * g00;
            var s2a = a0 * g20; var s2b = a1 * g20;
            var s3a = a0 * g00; var s3b = a1 * g00;
            for (int j = r; j >= 1; j--)
            {
                double* al = rowsA[r - j] + x, ah = rowsA[r + j] + x, bl = rowsB[r - j] + x, bh = rowsB[r + j] + x;
                var w0 = Vector256.Create(g0[j]);
                var w2 = Vector256.Create(g2[j]);
                var pa0 = Vector256.Load(al) + Vector256.Load(ah);
                var pa1 = Vector256.Load(al + 4) + Vector256.Load(ah + 4);
                var pb0 = Vector256.Load(bl) + Vector256.Load(bh);
                var pb1 = Vector256.Load(bl + 4) + Vector256.Load(bh + 4);
                s1a += pb0 * w0; s1b += pb1 * w0;
                s2a += pa0 * w2; s2b += pa1 * w2;
                s3a += pa0 * w0; s3b += pa1 * w0;
            }
            s1a.Store(t1 + x); s1b.Store(t1 + x + 4);
            s2a.Store(t2 + x); s2b.Store(t2 + x + 4);
            s3a.Store(t3 + x); s3b.Store(t3 + x + 4);
        }
        for (; x < n; x++)
        {
            double s1 = cb[x] * g0[0], s2 = ca[x] * g2[0], s3 = ca[x] * g0[0];
            for (int j = r; j >= 1; j--)
            {
                double pa = rowsA[r - j][x] + rowsA[r + j][x];
                double pb = rowsB[r - j][x] + rowsB[r + j][x];
                s1 += pb * g0[j];
                s2 += pa * g2[j];
                s3 += pa * g0[j];
            }
            t1[x] = s1; t2[x] = s2; t3[x] = s3;
        }
    }

    /// <summary>x stage for one row: <paramref name="t1"/>.. point at x = 0 of rows padded by r reflected values each side.</summary>
    public static void X3(double* t1, double* t2, double* t3, int r, double* g0, double* g2, double norm, double* dst, int n)
    {
        var g00 = Vector256.Create(g0[0]);
        var g20 = Vector256.Create(g2[0]);
        var m = Vector256.Create(norm);
        int x = 0;
        for (; x <= n - 8; x += 8)
        {
            var d1a = Vector256.Load(t1 + x) * g00; var d1b = Vector256.Load(t1 + x + 4) * g00;
            var d2a = Vector256.Load(t2 + x) * g00; var d2b = Vector256.Load(t2 + x + 4) * g00;
            var d3a = Vector256.Load(t3 + x) * g20; var d3b = Vector256.Load(t3 + x + 4) * g20;
            for (int j = r; j >= 1; j--)
            {
                var w0 = Vector256.Create(g0[j]);
                var w2 = Vector256.Create(g2[j]);
                int lo = x - j, hi = x + j;
                d1a += (Vector256.Load(t1 + lo) + Vector256.Load(t1 + hi)) * w0;
                d1b += (Vector256.Load(t1 + lo + 4) + Vector256.Load(t1 + hi + 4)) * w0;
                d2a += (Vector256.Load(t2 + lo) + Vector256.Load(t2 + hi)) * w0;
                d2b += (Vector256.Load(t2 + lo + 4) + Vector256.Load(t2 + hi + 4)) * w0;
                d3a += (Vector256.Load(t3 + lo) + Vector256.Load(t3 + hi)) * w2;
                d3b += (Vector256.Load(t3 + lo + 4) + Vector256.Load(t3 + hi + 4)) * w2;
            }
            (-((d1a + d2a) + d3a) * m).Store(dst + x);
            (-((d1b + d2b) + d3b) * m).Store(dst + x + 4);
        }
        for (; x < n; x++)
        {
            double d1 = t1[x] * g0[0], d2 = t2[x] * g0[0], d3 = t3[x] * g2[0];
            for (int j = r; j >= 1; j--)
            {
                d1 += (t1[x - j] + t1[x + j]) * g0[j];
                d2 += (t2[x - j] + t2[x + j]) * g0[j];
                d3 += (t3[x - j] + t3[x + j]) * g2[j];
            }
            dst[x] = -((d1 + d2) + d3) * norm;
        }
    }
}
