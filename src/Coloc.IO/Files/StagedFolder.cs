namespace Coloc.IO.Files;

/// <summary>
/// Writes several files into one folder all-or-nothing: each file is written to a hidden temporary name in the folder
/// and the whole set is renamed into place only by <see cref="Commit"/>, the last file staged last (the mark that the
/// set is complete). Disposing without committing removes the temporary files and the folders this instance created
/// (when still empty), so a failed write leaves the disk as it was. A target name taken by a folder is refused while
/// staging, so <see cref="Commit"/> only renames within one folder. A killed run's temporary files are removed by the
/// next one opening the folder (<see cref="StaleTemporaries"/>).
/// </summary>
public sealed class StagedFolder : IDisposable
{
    private readonly List<(string Tmp, string Final)> _staged = [];
    private readonly List<string> _created = [];
    private bool _committed;

    /// <summary>Opens the folder, creating it (and missing parents) if needed.</summary>
    /// <exception cref="ColocFormatException">The folder cannot be created.</exception>
    public StagedFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Folder = folder;
        try
        {
            for (var d = Path.GetFullPath(folder); d is not null && !Directory.Exists(d); d = Path.GetDirectoryName(d))
                _created.Add(d);
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RemoveCreatedFolders();
            throw new ColocFormatException($"{folder}: cannot create output folder: {e.Message}", e);
        }
        StaleTemporaries.Sweep(folder);
    }

    /// <summary>The target folder.</summary>
    public string Folder { get; }

    /// <summary>Stages a text file named <paramref name="fileName"/> (UTF-8 without BOM, <c>\n</c> newlines).</summary>
    /// <exception cref="ColocFormatException">The file cannot be written, or a folder has its name.</exception>
    public void WriteText(string fileName, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(fileName, s =>
        {
            using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            write(w);
        });
    }

    /// <summary>Stages a binary file named <paramref name="fileName"/>.</summary>
    /// <exception cref="ColocFormatException">The file cannot be written, or a folder has its name.</exception>
    public void Write(string fileName, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        ObjectDisposedException.ThrowIf(_committed, this);
        string final = Path.Combine(Folder, fileName);
        if (Directory.Exists(final)) throw new ColocFormatException($"{final}: is a folder, cannot write a result file there");
        string tmp = StaleTemporaries.Name(Folder, fileName, "tmp");
        try
        {
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(fs);
                fs.Flush(true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(tmp);
            throw new ColocFormatException($"{final}: cannot write: {e.Message}", e);
        }
        catch
        {
            TryDelete(tmp);
            throw;
        }
        _staged.Add((tmp, final));
    }

    /// <summary>
    /// Renames every staged file into place, in the order staged. The last file staged marks the set complete (a
    /// result's <c>summary.json</c>): a file of its name already in the folder is removed before any other file is
    /// replaced, and it is renamed last, so whenever it is present every file of its set is complete and of the same
    /// run — also after a run killed midway through these renames.
    /// </summary>
    /// <exception cref="ColocFormatException">A rename failed (the files renamed before it stay in place, the mark is absent).</exception>
    public void Commit()
    {
        try
        {
            if (_staged.Count > 1) File.Delete(_staged[^1].Final);
            foreach (var (tmp, final) in _staged) File.Move(tmp, final, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ColocFormatException($"{Folder}: cannot move results into place: {e.Message}", e);
        }
        _committed = true;
    }

    /// <summary>Without <see cref="Commit"/>: removes the temporary files and the empty folders this instance created.</summary>
    public void Dispose()
    {
        if (_committed) return;
        _committed = true;
        foreach (var (tmp, _) in _staged) TryDelete(tmp);
        RemoveCreatedFolders();
    }

    /// <summary>Removes the folders created here, deepest first, stopping at the first one that is not empty.</summary>
    private void RemoveCreatedFolders()
    {
        foreach (var d in _created)
        {
            try
            {
                if (!Directory.Exists(d)) continue;
                if (Directory.EnumerateFileSystemEntries(d).Any()) return;
                Directory.Delete(d, recursive: false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    private static void TryDelete(string p)
    {
        try { File.Delete(p); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
