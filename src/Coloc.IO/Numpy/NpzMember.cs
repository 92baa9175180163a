namespace Coloc.IO.Numpy;

/// <summary>One member of an NPZ archive, in file order.</summary>
/// <param name="Key">The key numpy uses: the member name without <c>.npy</c>.</param>
/// <param name="EntryName">The ZIP member name (e.g. <c>segments.npy</c>).</param>
/// <param name="Header">The NPY header; null for members that are not NPY arrays.</param>
/// <param name="Array">The array; null when the member was skipped.</param>
/// <param name="SkipReason">Why the member was skipped (e.g. an object array, which would need unpickling); null when read.</param>
public sealed record NpzMember(string Key, string EntryName, NpyHeader? Header, NpyArray? Array, string? SkipReason)
{
    /// <summary>True when the member was not read.</summary>
    public bool Skipped => Array is null;
}
