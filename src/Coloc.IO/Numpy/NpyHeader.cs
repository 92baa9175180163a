namespace Coloc.IO.Numpy;

/// <summary>The parsed header of one NPY array: format version, dtype, memory order, shape and where the data start.</summary>
/// <param name="Major">Format major version (1, 2 or 3).</param>
/// <param name="Minor">Format minor version (0).</param>
/// <param name="Dtype">The element type.</param>
/// <param name="FortranOrder">True when the data are stored column-major (first index fastest).</param>
/// <param name="Shape">The dimensions; empty for a 0-d array (one element).</param>
/// <param name="DataOffset">Byte offset of the data from the start of the NPY stream (magic + version + length + header).</param>
public sealed record NpyHeader(int Major, int Minor, NpyDtype Dtype, bool FortranOrder, IReadOnlyList<long> Shape, long DataOffset)
{
    /// <summary>The number of elements: the product of <see cref="Shape"/> (1 for a 0-d array); null when it overflows a long.</summary>
    public long? ElementCount
    {
        get
        {
            long n = 1;
            foreach (long d in Shape)
            {
                try { n = checked(n * d); }
                catch (OverflowException) { return null; }
            }
            return n;
        }
    }
}
