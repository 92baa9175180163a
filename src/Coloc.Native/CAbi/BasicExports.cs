using System.Runtime.InteropServices;
using Coloc.Core.Blobs;
using Coloc.IO.Blobs;
using Coloc.IO.Csv;

namespace Coloc.Native.CAbi;

/// <summary>
/// The C ABI's housekeeping and file exports (ABI <see cref="CAbiVersion.Version"/>). Every export returns a
/// <see cref="CStatus"/> (as int) and never lets an exception out (<see cref="CGuard"/>); strings and arrays it hands out
/// are released with <c>coloc_free</c>.
/// </summary>
public static unsafe class BasicExports
{
    /// <summary><c>int coloc_abi_version(void)</c>: <see cref="CAbiVersion.Version"/>.</summary>
    [UnmanagedCallersOnly(EntryPoint = "coloc_abi_version")]
    public static int AbiVersion() => CAbiVersion.Version;

    /// <summary>
    /// <c>int coloc_last_error(char *buf, int capacity)</c>: copies the calling thread's last error message (UTF-8,
    /// zero-terminated, truncated to capacity − 1 bytes) and returns its full length in bytes (0 = none).
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "coloc_last_error")]
    public static int LastError(byte* buf, int capacity)
    {
        try
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(CGuard.LastError);
            if (buf != null && capacity > 0)
            {
                int n = Math.Min(bytes.Length, capacity - 1);
                bytes.AsSpan(0, n).CopyTo(new Span<byte>(buf, n));
                buf[n] = 0;
            }
            return bytes.Length;
        }
        catch
        {
            return 0;
        }
    }

    /// <summary><c>void coloc_free(void *p)</c>: releases a string or array an export returned (null is ignored).</summary>
    [UnmanagedCallersOnly(EntryPoint = "coloc_free")]
    public static void Free(void* p) => NativeMemory.Free(p);

    /// <summary>
    /// <c>int coloc_parameters(const char *command, char **listing)</c>: the options of <c>match</c>, <c>detect</c>,
    /// <c>intensity</c> or <c>regions</c> as <see cref="CommandOptions.Listing"/> (the declarations the CLI uses).
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "coloc_parameters")]
    public static int Parameters(byte* command, byte** listing) => CGuard.Run(() =>
    {
        if (listing == null) throw new ArgumentException("listing: null");
        *listing = CGuard.Utf8(CommandOptions.Listing(CommandOptions.Of(CGuard.Text(command, "command"))));
    });

    /// <summary>
    /// <c>int coloc_read_blobs(const char *path, double **values, int64_t *rows, int64_t *cols, char **columns)</c>:
    /// a blob table as the CLI reads it — a blob CSV (7 columns z,y,x,radius,confirmed,truth,channel) or a MagellanMapper
    /// archive <c>*.npz</c> (every stored column, named in <c>columns</c>, comma-separated) — as row-major float64.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "coloc_read_blobs")]
    public static int ReadBlobs(byte* path, double** values, long* rows, long* cols, byte** columns) => CGuard.Run(() =>
    {
        if (values == null || rows == null || cols == null || columns == null) throw new ArgumentException("read_blobs: null output pointer");
        string p = CGuard.Text(path, "path");
        if (p.Trim().Length == 0) throw new ArgumentException("blobs: no blob file given");
        double[] v;
        string names;
        if (p.EndsWith(".npz", StringComparison.OrdinalIgnoreCase))
        {
            var a = BlobArchive.Read(p);
            (v, *rows, *cols, names) = (a.Values, a.RowCount, a.ColumnCount, string.Join(",", a.Columns));
        }
        else
        {
            var b = BlobCsv.Read(p);
            (v, *rows, *cols) = (MemoryMarshal.Cast<Blob, double>(b.AsSpan()).ToArray(), b.Length, Blob.CanonicalColumnCount);
            names = string.Join(",", Enumerable.Range(0, Blob.CanonicalColumnCount).Select(k => BlobColumns.NameOf((BlobColumn)k)));
        }
        *values = StridedBlobs.Native(v);
        *columns = CGuard.Utf8(names);
    });
}
