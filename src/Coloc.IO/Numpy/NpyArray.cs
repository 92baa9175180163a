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
    /// <remarks>
    /// Dispatches on <see cref="Dtype"/>, not on the array's type pattern: the runtime lets a <c>ushort[]</c> match a
    /// <c>short[]</c> pattern and a <c>long[]</c> a <c>ulong[]</c> one (array covariance of same-size integers).
    /// </remarks>
    /// <exception cref="InvalidOperationException">The array holds text.</exception>
    public double[] ToDoubles() => (Dtype.Kind, Dtype.ItemSize) switch
    {
        ('f', 8) => (double[])((double[])Data).Clone(),
        ('f', 4) => Array.ConvertAll((float[])Data, v => (double)v),
        ('i', 8) => Array.ConvertAll((long[])Data, v => (double)v),
        ('i', 4) => Array.ConvertAll((int[])Data, v => (double)v),
        ('i', 2) => Array.ConvertAll((short[])Data, v => (double)v),
        ('i', 1) => Array.ConvertAll((sbyte[])Data, v => (double)v),
        ('u', 8) => Array.ConvertAll((ulong[])Data, v => (double)v),
        ('u', 4) => Array.ConvertAll((uint[])Data, v => (double)v),
        ('u', 2) => Array.ConvertAll((ushort[])Data, v => (double)v),
        ('u', 1) => Array.ConvertAll((byte[])Data, v => (double)v),
        ('b', 1) => Array.ConvertAll((bool[])Data, v => v ? 1.0 : 0.0),
        _ => throw new InvalidOperationException($"a {Dtype.Descr} array has no numbers"),
    };

    /// <summary>The elements as 64-bit integers; null when the array holds floats, text or unsigned values above <see cref="long.MaxValue"/>.</summary>
    public long[]? ToInt64s() => (Dtype.Kind, Dtype.ItemSize) switch
    {
        ('i', 8) => (long[])((long[])Data).Clone(),
        ('i', 4) => Array.ConvertAll((int[])Data, v => (long)v),
        ('i', 2) => Array.ConvertAll((short[])Data, v => (long)v),
        ('i', 1) => Array.ConvertAll((sbyte[])Data, v => (long)v),
        ('u', 8) => ((ulong[])Data).All(v => v <= long.MaxValue) ? Array.ConvertAll((ulong[])Data, v => (long)v) : null,
        ('u', 4) => Array.ConvertAll((uint[])Data, v => (long)v),
        ('u', 2) => Array.ConvertAll((ushort[])Data, v => (long)v),
        ('u', 1) => Array.ConvertAll((byte[])Data, v => (long)v),
        ('b', 1) => Array.ConvertAll((bool[])Data, v => v ? 1L : 0L),
        _ => null,
    };

    /// <summary>The elements as text; null unless the dtype is <c>U</c>.</summary>
    public string[]? ToStrings() => Data is string[] s ? (string[])s.Clone() : null;
}
