using System.IO.Compression;

namespace Coloc.IO.Numpy;

/// <summary>
/// Reads NPZ archives: a ZIP (stored or deflated members) holding one NPY array per member <c>KEY.npy</c>.
/// Like numpy's <c>np.load</c> with its default <c>allow_pickle=False</c>, object arrays are never unpickled: such a
/// member is returned as skipped (its pickle bytes are not even read). Members not named <c>*.npy</c> are skipped too.
/// Every array's shape is checked against the member's size before anything is allocated.
/// </summary>
public static class NpzReader
{
    /// <summary>Reads every member of the archive at <paramref name="path"/>.</summary>
    /// <exception cref="ColocFormatException">Missing, damaged or unsupported file; the message names the file (and member) and the problem.</exception>
    public static NpzArchive Read(string path)
    {
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var zip = new ZipArchive(fs, ZipArchiveMode.Read, leaveOpen: false);
            var members = new List<NpzMember>();
            foreach (var e in zip.Entries)
            {
                if (e.FullName.EndsWith('/')) continue;
                if (!e.FullName.EndsWith(".npy", StringComparison.Ordinal))
                {
                    members.Add(new NpzMember(e.FullName, e.FullName, null, null, "not an .npy member"));
                    continue;
                }
                string key = e.FullName[..^4];
                string name = $"{path}: member {e.FullName}";
                using var s = OpenEntry(e, name);
                var (header, array) = NpyReader.Read(s, e.Length, name);
                members.Add(new NpzMember(key, e.FullName, header, array,
                    array is null ? $"object array ({header.Dtype.Descr}) would need unpickling, which Coloc never does" : null));
            }
            return new NpzArchive(path, members);
        }
        catch (ColocFormatException) { throw; }
        catch (InvalidDataException e) { throw new ColocFormatException($"{path}: not a readable NPZ/ZIP archive ({e.Message})", e); }
        catch (NotSupportedException e) { throw new ColocFormatException($"{path}: unsupported ZIP feature ({e.Message})", e); }
        catch (FileNotFoundException e) { throw new ColocFormatException($"{path}: file not found", e); }
        catch (DirectoryNotFoundException e) { throw new ColocFormatException($"{path}: folder not found", e); }
        catch (IOException e) { throw new ColocFormatException($"{path}: cannot read ({e.Message})", e); }
        catch (UnauthorizedAccessException e) { throw new ColocFormatException($"{path}: permission denied", e); }
    }

    private static Stream OpenEntry(ZipArchiveEntry e, string name)
    {
        try { return e.Open(); }
        catch (InvalidDataException ex) { throw new ColocFormatException($"{name}: damaged ZIP member ({ex.Message})", ex); }
        catch (NotSupportedException ex) { throw new ColocFormatException($"{name}: unsupported compression ({ex.Message})", ex); }
    }
}
