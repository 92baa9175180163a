namespace Coloc.IO.Numpy;

/// <summary>The members of an NPZ archive (<c>np.savez</c>/<c>np.savez_compressed</c>), in file order.</summary>
/// <param name="Path">The file read.</param>
/// <param name="Members">Every member, read or skipped, in file order.</param>
public sealed record NpzArchive(string Path, IReadOnlyList<NpzMember> Members)
{
    /// <summary>The array stored under <paramref name="key"/>, or null when absent or skipped.</summary>
    public NpyArray? this[string key] => Members.FirstOrDefault(m => m.Key == key)?.Array;

    /// <summary>The keys of every member, in file order.</summary>
    public IReadOnlyList<string> Keys => [.. Members.Select(m => m.Key)];

    /// <summary>The keys of the members that were skipped, in file order.</summary>
    public IReadOnlyList<string> SkippedKeys => [.. Members.Where(m => m.Skipped).Select(m => m.Key)];
}
