using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Coloc.Core.Blobs;
using Coloc.Core.Pipeline;
using Coloc.IO.Files;

namespace Coloc.IO.Plan;

/// <summary>
/// One block's result, <c>PLAN_DIR/blocks/block-NNNNNN.bin</c> (format version 1, little-endian):
/// the magic <c>COLOCBLK</c> (8 bytes), version (int32), the plan hash (32 bytes), block index (int32), channel
/// count C (int32), blob count n (int32), n blobs × 7 doubles (<c>z,y,x,radius,confirmed,truth,channel</c>),
/// n × C doubles of neighbourhood means, and the SHA-256 of everything before it (32 bytes).
/// Written atomically (temporary file, then rename), so a file that exists is complete; the checksum catches
/// anything else.
/// </summary>
public static class BlockResultFile
{
    /// <summary>The format version written and read.</summary>
    public const int Version = 1;

    private static readonly byte[] Magic = "COLOCBLK"u8.ToArray();
    private const int HeaderBytes = 8 + 4 + 32 + 4 + 4 + 4;

    /// <summary>The folder holding the block results of a plan.</summary>
    public static string Folder(string planDir) => Path.Combine(planDir, "blocks");

    /// <summary>The result file of block <paramref name="index"/>.</summary>
    public static string PathOf(string planDir, int index) =>
        Path.Combine(Folder(planDir), "block-" + index.ToString("D6", CultureInfo.InvariantCulture) + ".bin");

    /// <summary>Writes <paramref name="result"/> for the plan with hash <paramref name="planHash"/>, atomically.</summary>
    public static void Write(string planDir, string planHash, BlockResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.Validate();
        var bytes = Encode(planHash, result);
        try
        {
            Directory.CreateDirectory(Folder(planDir));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ColocFormatException($"{Folder(planDir)}: cannot create: {e.Message}", e);
        }
        AtomicFile.Write(PathOf(planDir, result.Index), s => s.Write(bytes));
    }

    /// <summary>The encoded file content.</summary>
    public static byte[] Encode(string planHash, BlockResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var hash = Convert.FromHexString(planHash);
        if (hash.Length != 32) throw new ArgumentException("plan hash must be 64 hex digits", nameof(planHash));
        int n = result.Blobs.Length, c = result.ChannelCount;
        var buf = new byte[HeaderBytes + (long)n * 8 * (Blob.CanonicalColumnCount + c) + 32];
        var span = buf.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], Version);
        hash.CopyTo(span[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[44..], result.Index);
        BinaryPrimitives.WriteInt32LittleEndian(span[48..], c);
        BinaryPrimitives.WriteInt32LittleEndian(span[52..], n);
        int o = HeaderBytes;
        foreach (var b in result.Blobs)
            for (int k = 0; k < Blob.CanonicalColumnCount; k++, o += 8) BinaryPrimitives.WriteDoubleLittleEndian(span[o..], b[k]);
        foreach (var m in result.Means) { BinaryPrimitives.WriteDoubleLittleEndian(span[o..], m); o += 8; }
        SHA256.HashData(span[..o], span[o..]);
        return buf;
    }

    /// <summary>
    /// Reads the result of block <paramref name="index"/> if it is there, complete, and made under the plan with hash
    /// <paramref name="planHash"/>; otherwise returns null and says why in <paramref name="problem"/>
    /// (null when the file simply does not exist).
    /// </summary>
    public static BlockResult? TryRead(string planDir, string planHash, int index, out string? problem)
    {
        string path = PathOf(planDir, index);
        problem = null;
        byte[] bytes;
        try
        {
            if (!File.Exists(path)) return null;
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"{path}: cannot read: {e.Message}";
            return null;
        }
        var r = Decode(bytes, planHash, out problem);
        if (r is not null && r.Index != index) { problem = $"holds block {r.Index}, not {index}"; r = null; }
        if (problem is not null) problem = path + ": " + problem;
        return r;
    }

    /// <summary>Decodes file content; null with a reason when it is damaged or belongs to another plan.</summary>
    public static BlockResult? Decode(ReadOnlySpan<byte> bytes, string planHash, out string? problem)
    {
        problem = null;
        if (bytes.Length < HeaderBytes + 32 || !bytes[..8].SequenceEqual(Magic)) { problem = "not a Coloc block result"; return null; }
        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        if (version != Version) { problem = $"block result format version {version} is not supported (expected {Version})"; return null; }
        Span<byte> sum = stackalloc byte[32];
        SHA256.HashData(bytes[..^32], sum);
        if (!sum.SequenceEqual(bytes[^32..])) { problem = "damaged (checksum mismatch)"; return null; }
        string hash = Convert.ToHexStringLower(bytes.Slice(12, 32));
        if (!string.Equals(hash, planHash, StringComparison.OrdinalIgnoreCase)) { problem = $"made under another plan ({hash[..12]}…)"; return null; }
        int index = BinaryPrimitives.ReadInt32LittleEndian(bytes[44..]);
        int c = BinaryPrimitives.ReadInt32LittleEndian(bytes[48..]);
        int n = BinaryPrimitives.ReadInt32LittleEndian(bytes[52..]);
        if (c < 1 || n < 0 || bytes.Length != HeaderBytes + (long)n * 8 * (Blob.CanonicalColumnCount + c) + 32)
        {
            problem = "size does not match its header";
            return null;
        }
        var blobs = new Blob[n];
        int o = HeaderBytes;
        Span<double> v = stackalloc double[Blob.CanonicalColumnCount];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < v.Length; k++, o += 8) v[k] = BinaryPrimitives.ReadDoubleLittleEndian(bytes[o..]);
            blobs[i] = new Blob(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
        }
        var means = new double[(long)n * c];
        for (int i = 0; i < means.Length; i++, o += 8) means[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes[o..]);
        return new BlockResult(index, c, blobs, means);
    }
}
