namespace Coloc.IO.Files;

/// <summary>
/// Writes several files into one folder all-or-nothing: each file is written to a temporary name and the whole set is
/// renamed into place only by <see cref="Commit"/>. Disposing without committing removes the temporary files.
/// </summary>
public sealed class StagedFolder : IDisposable
{
    private readonly List<(string Tmp, string Final)> _staged = [];
    private bool _committed;

    /// <summary>Opens (and creates if needed) the folder.</summary>
    /// <exception cref="ColocFormatException">The folder cannot be created.</exception>
    public StagedFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Folder = folder;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ColocFormatException($"{folder}: cannot create output folder: {e.Message}", e);
        }
    }

    /// <summary>The target folder.</summary>
    public string Folder { get; }

    /// <summary>Stages a text file named <paramref name="fileName"/>.</summary>
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
    public void Write(string fileName, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string final = Path.Combine(Folder, fileName);
        string tmp = Path.Combine(Folder, "." + fileName + "." + Environment.ProcessId + ".tmp");
        try
        {
            using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
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

    /// <summary>Renames every staged file into place.</summary>
    public void Commit()
    {
        try
        {
            foreach (var (tmp, final) in _staged) File.Move(tmp, final, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ColocFormatException($"{Folder}: cannot move results into place: {e.Message}", e);
        }
        _committed = true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_committed) return;
        foreach (var (tmp, _) in _staged) TryDelete(tmp);
    }

    private static void TryDelete(string p)
    {
        try { File.Delete(p); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
