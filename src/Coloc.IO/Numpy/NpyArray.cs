namespace Coloc.IO.Numpy;

/// <summary>
/// One array read from an NPY stream, always in C order (last index fastest) whatever order the file used.
/// <see cref="Data"/> is a <c>double[]</c>, <c>float[]</c>, <c>long[]</c>, <c>int[]</c>, <c>short[]</c>, <c>sbyte[]</c>,
/// <c>ulong[]</c>, <c>uint[]</c>, <c>ushort[]</c>, <c>byte[]</c>, <c>bool[]</c> or <c>string[]</c> (for <c>U</c> dtypes,
/// trailing NUL characters removed as numpy does).
/// </summary>
public sealed class NpyArray
{
    /// <summary>Creates an array; <paramref name="data"/> must hold the product of <paramref name="shape"/> elements in C order.</summary>
    public NpyArray(NpyDtype dtype, IReadOnlyList<long> shape, Array data, bool storedFortranOrder)
    {
        Dtype = dtype;
        Shape = shape;
        Data = data;
        StoredFortranOrder = storedFortranOrder;
    }

    /// <summary>The element type as stored.</summary>
    public NpyDtype Dtype { get; }

    /// <summary>The dimensions (empty for a 0-d array).</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The elements in C order.</summary>
    public Array Data { get; }

    /// <summary>True when the file stored the data in Fortran order (they were reordered to C order on reading).</summary>
    public bool StoredFortranOrder { get; }

    /// <summary>The number of elements.</summary>
    public int Count => Data.Length;

    /// <summary>True for text (<c>U</c>) arrays.</summary>
    public bool IsText => Data is string[];

    /// <summary>The elements as doubles (exact for every integer up to 2^53 in magnitude and for float32/float64).</summary>
    /// <exception cref="InvalidOperationException">The array holds text.</exception>
    public double[] ToDoubles() => Data switch
    {
        double[] a => (double[])a.Clone(),
        float[] a => Array.ConvertAll(a, v => (double)v),
        long[] a => Array.ConvertAll(a, v => (double)v),
        int[] a => Array.ConvertAll(a, v => (double)v),
        short[] a => Array.ConvertAll(a, v => (double)v),
        sbyte[] a => Array.ConvertAll(a, v => (double)v),
        ulong[] a => Array.ConvertAll(a, v => (double)v),
        uint[] a => Array.ConvertAll(a, v => (double)v),
        ushort[] a => Array.ConvertAll(a, v => (double)v),
        byte[] a => Array.ConvertAll(a, v => (double)v),
        bool[] a => Array.ConvertAll(a, v => v ? 1.0 : 0.0),
        _ => throw new InvalidOperationException($"a {Dtype.Descr} array has no numbers"),
    };

    /// <summary>The elements as 64-bit integers; null when the array holds floats, text or unsigned values above <see cref="long.MaxValue"/>.</summary>
    public long[]? ToInt64s() => Data switch
    {
        long[] a => (long[])a.Clone(),
        int[] a => Array.ConvertAll(a, v => (long)v),
        short[] a => Array.ConvertAll(a, v => (long)v),
        sbyte[] a => Array.ConvertAll(a, v => (long)v),
        uint[] a => Array.ConvertAll(a, v => (long)v),
        ushort[] a => Array.ConvertAll(a, v => (long)v),
        byte[] a => Array.ConvertAll(a, v => (long)v),
        bool[] a => Array.ConvertAll(a, v => v ? 1L : 0L),
        ulong[] a when a.All(v => v <= long.MaxValue) => Array.ConvertAll(a, v => (long)v),
        _ => null,
    };

    /// <summary>The elements as text; null unless the dtype is <c>U</c>.</summary>
    public string[]? ToStrings() => Data is string[] s ? (string[])s.Clone() : null;
}
