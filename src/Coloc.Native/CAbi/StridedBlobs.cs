using System.Runtime.InteropServices;
using Coloc.Core.Blobs;
using Coloc.Native.Exports;

namespace Coloc.Native.CAbi;

/// <summary>
/// Blobs passed by a C caller as a float64 matrix of <c>rows × cols</c> (cols ≥ 7, MagellanMapper's column order
/// z,y,x,radius,confirmed,truth,channel, extra columns ignored) with element strides, so a numpy array of any layout is
/// read in place; one pass copies the first 7 columns into the engine's <see cref="Blob"/> array (a block copy when
/// the rows are 7 contiguous values, as a C-ordered <c>(N, 7)</c> numpy array; a 7-value copy per row when only the
/// columns are contiguous).
/// </summary>
public static unsafe class StridedBlobs
{
    private const int Chunk = 1 << 20;

    /// <summary>Reads and validates the blobs (<see cref="BlobArrays.Validate"/>).</summary>
    /// <param name="p">Element [0, 0].</param>
    /// <param name="rows">Number of blobs, 0 ≤ rows ≤ <see cref="Array.MaxLength"/>.</param>
    /// <param name="cols">Columns per blob, ≥ 7.</param>
    /// <param name="rowStride">Distance between rows, in float64 elements (may be negative).</param>
    /// <param name="colStride">Distance between columns, in float64 elements (may be negative).</param>
    /// <exception cref="ArgumentException">A bad shape or a bad value; the message names it.</exception>
    public static Blob[] Read(double* p, long rows, long cols, long rowStride, long colStride)
    {
        if (rows < 0 || rows > Array.MaxLength)
            throw new ArgumentException($"blobs: {rows} rows is out of range (0 to {Array.MaxLength})");
        if (cols < Blob.CanonicalColumnCount)
            throw new ArgumentException($"blobs: {cols} columns, expected at least 7 (z,y,x,radius,confirmed,truth,channel)");
        if (p == null && rows > 0) throw new ArgumentException("blobs: null data");
        // Every element is overwritten below, so the array need not be zeroed first (Blob holds no references).
        var blobs = GC.AllocateUninitializedArray<Blob>((int)rows);
        const int W = Blob.CanonicalColumnCount;
        for (long start = 0; start < rows; start += Chunk)
        {
            int n = (int)Math.Min(Chunk, rows - start);
            var dst = MemoryMarshal.Cast<Blob, double>(blobs.AsSpan((int)start, n));
            double* src = p + start * rowStride;
            if (colStride == 1 && rowStride == W)
                new ReadOnlySpan<double>(src, n * W).CopyTo(dst);
            else if (colStride == 1)
                for (int i = 0; i < n; i++)
                    new ReadOnlySpan<double>(src + i * rowStride, W).CopyTo(dst.Slice(i * W, W));
            else
                for (int i = 0; i < n; i++)
                {
                    double* r = src + i * rowStride;
                    for (int k = 0; k < W; k++) dst[i * W + k] = r[k * colStride];
                }
        }
        BlobArrays.Validate(blobs);
        return blobs;
    }

    /// <summary>Copies blobs into a new native array of 7 float64 per blob the caller releases with <c>coloc_free</c>.</summary>
    public static double* Native(ReadOnlySpan<double> values)
    {
        var p = (double*)NativeMemory.Alloc((nuint)Math.Max(1, values.Length), sizeof(double));
        values.CopyTo(new Span<double>(p, values.Length));
        return p;
    }
}
