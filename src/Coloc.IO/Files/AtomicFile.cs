namespace Coloc.IO.Files;

/// <summary>
/// Writes a file so that readers see either the old file or the complete new one: the content goes to a temporary
/// file in the same folder, which is renamed over the target only after it was written and flushed.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through a text writer.</summary>
    /// <exception cref="ColocFormatException">The folder is missing or not writable.</exception>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, stream =>
        {
            using var w = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            write(w);
        });
    }

    /// <summary>Writes <paramref name="path"/> through a stream.</summary>
    /// <exception cref="ColocFormatException">The folder is missing or not writable.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full) ?? ".";
        StaleTemporaries.Sweep(dir);
        string tmp = StaleTemporaries.Name(dir, Path.GetFileName(full), "tmp");
        try
        {
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(fs);
                fs.Flush(true);
            }
            File.Move(tmp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(tmp);
            throw new ColocFormatException($"{path}: cannot write: {e.Message}", e);
        }
        catch
        {
            TryDelete(tmp);
            throw;
        }
    }

    private static void TryDelete(string p)
    {
        try { File.Delete(p); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
