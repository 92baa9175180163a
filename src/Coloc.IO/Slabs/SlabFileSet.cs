using System.Runtime.InteropServices;
using Coloc.Core.Blobs;
using Coloc.Core.Matching;
using Coloc.Core.Matching.Exact;

namespace Coloc.IO.Slabs;

/// <summary>
/// Blobs bucketed along one axis into binary slab files (one per slab and channel, <see cref="SlabRecord"/>s) in a
/// temporary folder this instance owns and deletes on <see cref="Dispose"/>: the <see cref="ISlabSource"/> of an
/// out-of-core exact run, and its <see cref="IMatchRunStore"/> (sorted runs of rows, <see cref="RowRecord"/>s, in the
/// same folder). With c the coordinate along the axis, slab k of K covers
/// <c>c0 + k·(c1 − c0)/K ≤ c &lt; c0 + (k+1)·(c1 − c0)/K</c>; blobs outside [c0, c1) go to the first or last slab.
/// Temporary files are private to the run and never outlive it.
/// </summary>
public sealed class SlabFileSet : ISlabSource, IMatchRunStore, IDisposable
{
    private const int BufferRecords = 1024;

    private readonly string _folder;
    private readonly int _axis;
    private readonly double _c0, _c1;
    private readonly double[] _min;
    private int _runCount;
    private readonly Dictionary<(int Slab, int Channel), (FileStream File, SlabRecord[] Buffer, int Count)> _writers = [];
    private readonly SortedDictionary<int, long> _perChannel = [];
    private long _count;
    private bool _sealed;

    private SlabFileSet(string folder, int axis, double c0, double c1, int slabs)
    {
        _folder = folder;
        _axis = axis;
        _c0 = c0;
        _c1 = c1;
        _min = new double[slabs];
        Array.Fill(_min, double.PositiveInfinity);
    }

    /// <summary>
    /// Writes the blobs that <paramref name="produce"/> passes (in chunks, in input-row order) into <paramref name="slabs"/>
    /// slabs along <paramref name="axis"/> (0 = z, 1 = y, 2 = x) over [<paramref name="c0"/>, <paramref name="c1"/>)
    /// voxels, in a new folder under <paramref name="parent"/>.
    /// </summary>
    /// <exception cref="ColocFormatException">The temporary files cannot be written (nothing is left behind).</exception>
    public static SlabFileSet Create(string parent, int axis, double c0, double c1, int slabs, Action<Action<Blob[]>> produce)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(produce);
        ArgumentOutOfRangeException.ThrowIfLessThan(slabs, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(axis);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(axis, 2);
        Files.StaleTemporaries.Sweep(parent);
        string folder = Files.StaleTemporaries.Name(parent, "coloc-slabs", "");
        SlabFileSet? set = null;
        try
        {
            Directory.CreateDirectory(folder);
            set = new SlabFileSet(folder, axis, c0, c1 > c0 ? c1 : c0 + 1, slabs);
            produce(set.Add);
            set.Seal();
            return set;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            set?.Dispose();
            TryDeleteFolder(folder);
            throw new ColocFormatException($"{parent}: cannot write temporary slab files: {e.Message}", e);
        }
        catch
        {
            set?.Dispose();
            TryDeleteFolder(folder);
            throw;
        }
    }

    /// <summary>The temporary folder.</summary>
    public string Folder => _folder;

    /// <inheritdoc/>
    public int Axis => _axis;

    /// <inheritdoc/>
    public int SlabCount => _min.Length;

    /// <inheritdoc/>
    public long BlobCount => _count;

    /// <inheritdoc/>
    public IReadOnlyList<int> Channels => _perChannel.Keys.ToArray();

    /// <summary>Number of input blobs per channel (truncated to int), ascending channel.</summary>
    public IReadOnlyList<(int Channel, long Blobs)> BlobsPerChannel => _perChannel.Select(kv => (kv.Key, kv.Value)).ToArray();

    /// <inheritdoc/>
    public double MinCoordinate(int slab) => _min[slab];

    /// <inheritdoc/>
    public SlabBlobs Read(int slab, int channel)
    {
        if (!_sealed) throw new InvalidOperationException("slab files are still being written");
        string path = FileOf(slab, channel);
        if (!File.Exists(path)) return SlabBlobs.Empty;
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        int count = checked((int)(fs.Length / SlabRecord.Size));
        var blobs = new Blob[count];
        var ids = new long[count];
        var records = new SlabRecord[Math.Min(count, BufferRecords)];
        for (int at = 0; at < count; at += records.Length)
        {
            int n = Math.Min(records.Length, count - at);
            fs.ReadExactly(MemoryMarshal.AsBytes(records.AsSpan(0, n)));
            for (int i = 0; i < n; i++) (blobs[at + i], ids[at + i]) = (records[i].Blob, records[i].Id);
        }
        return new SlabBlobs(blobs, ids);
    }

    /// <inheritdoc/>
    /// <exception cref="ColocFormatException">The run file cannot be written.</exception>
    public int WriteRun(ReadOnlySpan<MatchRow> rows)
    {
        int run = _runCount++;
        var records = new RowRecord[Math.Min(rows.Length, BufferRecords)];
        try
        {
            using var fs = new FileStream(RunFile(run), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            for (int k = 0; k < rows.Length; k += records.Length)
            {
                int n = Math.Min(records.Length, rows.Length - k);
                for (int i = 0; i < n; i++) records[i] = new RowRecord(rows[k + i].Blob1, rows[k + i].Blob2, rows[k + i].Distance);
                fs.Write(MemoryMarshal.AsBytes(records.AsSpan(0, n)));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ColocFormatException($"{_folder}: cannot write temporary row files: {e.Message}", e);
        }
        return run;
    }

    /// <inheritdoc/>
    public IEnumerable<MatchRow[]> ReadRun(int run, int pieceRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pieceRows, 1);
        string path = RunFile(run);
        var records = new RowRecord[pieceRows];
        using (var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            while (true)
            {
                int bytes = fs.ReadAtLeast(MemoryMarshal.AsBytes(records.AsSpan()), MemoryMarshal.AsBytes(records.AsSpan()).Length, throwOnEndOfStream: false);
                int n = bytes / RowRecord.Size;
                if (n == 0) break;
                var rows = new MatchRow[n];
                for (int i = 0; i < n; i++) rows[i] = MatchRow.Of(records[i].Blob1, records[i].Blob2, records[i].Distance);
                yield return rows;
                if (n < pieceRows) break;
            }
        }
        File.Delete(path);
    }

    /// <summary>Closes the files and deletes the folder.</summary>
    public void Dispose()
    {
        foreach (var (file, _, _) in _writers.Values) file.Dispose();
        _writers.Clear();
        _sealed = true;
        TryDeleteFolder(_folder);
    }

    private void Add(Blob[] chunk)
    {
        int slabs = _min.Length;
        double perSlab = slabs / (_c1 - _c0);
        foreach (var b in chunk)
        {
            double c = b[_axis];
            int slab = (int)Math.Clamp(Math.Floor((c - _c0) * perSlab), 0, slabs - 1);
            int channel = (int)b.Channel;
            _min[slab] = Math.Min(_min[slab], c);
            _perChannel[channel] = _perChannel.GetValueOrDefault(channel) + 1;
            var key = (slab, channel);
            if (!_writers.TryGetValue(key, out var w))
                w = (new FileStream(FileOf(slab, channel), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 12), new SlabRecord[BufferRecords], 0);
            w.Buffer[w.Count++] = new SlabRecord(b, _count++);
            if (w.Count == BufferRecords)
            {
                w.File.Write(MemoryMarshal.AsBytes(w.Buffer.AsSpan()));
                w.Count = 0;
            }
            _writers[key] = w;
        }
    }

    private void Seal()
    {
        foreach (var (file, buffer, count) in _writers.Values)
        {
            file.Write(MemoryMarshal.AsBytes(buffer.AsSpan(0, count)));
            file.Dispose();
        }
        _writers.Clear();
        _sealed = true;
    }

    private string FileOf(int slab, int channel) => Path.Combine(_folder, $"s{slab}_c{channel}.bin");

    private string RunFile(int run) => Path.Combine(_folder, $"r{run}.bin");

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
