using Coloc.Core.Blobs;
using Coloc.Native.Jni;

namespace Coloc.Native.Exports;

/// <summary>Blob tables as Java <c>double[]</c>: 7 values per blob, row-major, MagellanMapper's canonical columns.</summary>
public static unsafe class BlobArrays
{
    /// <summary>Reads a Java <c>double[]</c> of blobs, validated like a blob CSV (finite values, channel a whole number ≥ 0).</summary>
    /// <exception cref="JavaException">Null or a length that is not a multiple of 7.</exception>
    /// <exception cref="ArgumentException">A bad value (the message names the blob and column).</exception>
    public static Blob[] Read(JniEnv env, IntPtr array)
    {
        if (array == IntPtr.Zero) throw JavaException.Argument("blobs: null");
        int n = env.ArrayLength(array);
        if (n % Blob.CanonicalColumnCount != 0)
            throw JavaException.Argument($"blobs: {n} values is not a multiple of 7 (z,y,x,radius,confirmed,truth,channel per blob)");
        var blobs = new Blob[n / Blob.CanonicalColumnCount];
        // Pinned in place; one pass copies into the engine's Blob[] (56 bytes per blob), then the section ends.
        void* p = env.GetCritical(array, out _);
        try
        {
            new ReadOnlySpan<double>(p, n).CopyTo(System.Runtime.InteropServices.MemoryMarshal.Cast<Blob, double>(blobs.AsSpan()));
        }
        finally { env.ReleaseCritical(array, p); }
        Validate(blobs);
        return blobs;
    }

    /// <summary>Checks blobs like a blob CSV: every value finite, channel a whole number ≥ 0.</summary>
    /// <exception cref="ArgumentException">A bad value; the message names the blob (0-based) and column.</exception>
    public static void Validate(ReadOnlySpan<Blob> blobs)
    {
        for (int i = 0; i < blobs.Length; i++)
        {
            ref readonly var b = ref blobs[i];
            // v − v is 0 for a finite v and NaN for NaN or ±∞, so the sum is 0 exactly when all seven are finite.
            double s = (b.Z - b.Z) + (b.Y - b.Y) + (b.X - b.X) + (b.Radius - b.Radius) + (b.Confirmed - b.Confirmed)
                       + (b.Truth - b.Truth) + (b.Channel - b.Channel);
            if (s != 0 || b.Channel < 0 || b.Channel != Math.Floor(b.Channel) || b.Channel > int.MaxValue) Refuse(i, b);
        }
    }

    private static void Refuse(int i, in Blob b)
    {
        for (int k = 0; k < Blob.CanonicalColumnCount; k++)
            if (!double.IsFinite(b[k]))
                throw new ArgumentException($"blobs: blob {i} column {BlobColumns.NameOf((BlobColumn)k)} is {b[k]}, must be finite");
        throw new ArgumentException($"blobs: blob {i} channel is {b.Channel}, must be a whole number >= 0");
    }

    /// <summary>Flattens blobs to 8 doubles each: the 7 canonical columns, then <paramref name="quality"/> of the same blob.</summary>
    /// <exception cref="ArgumentException">The two lengths differ.</exception>
    public static double[] FlattenScored(ReadOnlySpan<Blob> blobs, ReadOnlySpan<double> quality)
    {
        if (quality.Length != blobs.Length) throw new ArgumentException($"{quality.Length} qualities for {blobs.Length} blobs");
        const int w = Blob.CanonicalColumnCount + 1;
        var r = new double[blobs.Length * w];
        for (int i = 0; i < blobs.Length; i++)
        {
            for (int k = 0; k < Blob.CanonicalColumnCount; k++) r[i * w + k] = blobs[i][k];
            r[i * w + w - 1] = quality[i];
        }
        return r;
    }

    /// <summary>Flattens blobs to 7 doubles each.</summary>
    public static double[] Flatten(ReadOnlySpan<Blob> blobs) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<Blob, double>(blobs).ToArray();
}
