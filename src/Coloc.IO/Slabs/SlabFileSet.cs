using System.Runtime.InteropServices;
using Coloc.Core.Blobs;
using Coloc.Core.Matching.Exact;

namespace Coloc.IO.Slabs;

/// <summary>
/// Blobs bucketed by z into binary slab files (one per slab and channel, <see cref="SlabRecord"/>s) in a temporary
/// folder this instance owns and deletes on <see cref="Dispose"/>: the <see cref="ISlabSource"/> of an out-of-core
/// exact run. Slab k of K covers <c>z0 + k·(z1 − z0)/K ≤ z &lt; z0 + (k+1)·(z1 − z0)/K</c>; blobs outside
/// [z0, z1) go to the first or last slab. Temporary files are private to the run and never outlive it.
/// </summary>
public sealed class SlabFileSet : ISlabSource, IDisposable
{
    private const int BufferRecords = 1024;

    private readonly string _folder;
    private readonly double _z0, _z1;
    private readonly double[] _minZ;
    private readonly Dictionary<(int Slab, int Channel), (FileStream File, SlabRecord[] Buffer, int Count)> _writers = [];
    private readonly SortedDictionary<int, long> _perChannel = [];
    private long _count;
    private bool _sealed;

    private SlabFileSet(string folder, double z0, double z1, int slabs)
    {
        _folder = folder;
        _z0 = z0;
        _z1 = z1;
        _minZ = new double[slabs];
        Array.Fill(_minZ, double.PositiveInfinity);
    }

    /// <summary>
    /// Writes the blobs that <paramref name="produce"/> passes (in chunks, in input-row order) into <paramref name="slabs"/>
    /// slabs over z in [<paramref name="z0"/>, <paramref name="z1"/>), in a new folder under <paramref name="parent"/>.
    /// </summary>
    /// <exception cref="ColocFormatException">The temporary files cannot be written (nothing is left behind).</exception>
    public static SlabFileSet Create(string parent, double z0, double z1, int slabs, Action<Action<Blob[]>> produce)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(produce);
        ArgumentOutOfRangeException.ThrowIfLessThan(slabs, 1);
        Files.StaleTemporaries.Sweep(parent);
        string folder = Path.Combine(parent, $".coloc-slabs.{Environment.ProcessId}.{Guid.NewGuid():N}"[..32]);
        SlabFileSet? set = null;
        try
        {
            Directory.CreateDirectory(folder);
            set = new SlabFileSet(folder, z0, z1 > z0 ? z1 : z0 + 1, slabs);
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
    public int SlabCount => _minZ.Length;

    /// <inheritdoc/>
    public long BlobCount => _count;

    /// <inheritdoc/>
    public IReadOnlyList<int> Channels => _perChannel.Keys.ToArray();

    /// <summary>Number of input blobs per channel (truncated to int), ascending channel.</summary>
    public IReadOnlyList<(int Channel, long Blobs)> BlobsPerChannel => _perChannel.Select(kv => (kv.Key, kv.Value)).ToArray();

    /// <inheritdoc/>
    public double MinZ(int slab) => _minZ[slab];

    /// <inheritdoc/>
    public SlabBlobs Read(int slab, int channel)
    {
        if (!_sealed) throw new InvalidOperationException("slab files are still being written");
        string path = FileOf(slab, channel);
        if (!File.Exists(path)) return SlabBlobs.Empty;
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var records = new SlabRecord[fs.Length / SlabRecord.Size];
        fs.ReadExactly(MemoryMarshal.AsBytes(records.AsSpan()));
        var blobs = new Blob[records.Length];
        var ids = new long[records.Length];
        for (int i = 0; i < records.Length; i++) (blobs[i], ids[i]) = (records[i].Blob, records[i].Id);
        return new SlabBlobs(blobs, ids);
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
        int slabs = _minZ.Length;
        double perSlab = slabs / (_z1 - _z0);
        foreach (var b in chunk)
        {
            int slab = (int)Math.Clamp(Math.Floor((b.Z - _z0) * perSlab), 0, slabs - 1);
            int channel = (int)b.Channel;
            _minZ[slab] = Math.Min(_minZ[slab], b.Z);
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
