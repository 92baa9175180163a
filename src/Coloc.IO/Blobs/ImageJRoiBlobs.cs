using System.IO.Compression;
using Coloc.Core.Blobs;

namespace Coloc.IO.Blobs;

/// <summary>
/// Blobs from and to ImageJ point ROIs: one <c>.roi</c> multipoint or a ROI Manager <c>RoiSet.zip</c> (one <c>.roi</c>
/// per member). A point's slice is its own stack position when set (with <see cref="BlobReadOptions.RoiStackChannels"/>
/// N &gt; 1 the position also gives the channel), else the ROI's z or stack position, else 0. Its channel is, in
/// order: the ROI's hyperstack channel, the channel of its stack position (N &gt; 1), its multipoint counter when any
/// counter is set, the ROI's place in a RoiSet.zip of several ROIs, else the file's place among the inputs. Radius 0,
/// confirmed and truth −1.
/// <para>
/// Writing: <c>.roi</c> holds every blob in one multipoint ROI, channel as the counter (0–255) and the slice
/// round(z) + 1 as the stack position; <c>RoiSet.zip</c> holds one ROI per channel, named <c>c&lt;channel&gt;</c>, with the
/// hyperstack channel set and per-point slices. x and y are stored as 32-bit floats (ImageJ's sub-pixel points).
/// </para>
/// </summary>
internal static class ImageJRoiBlobs
{
    /// <summary>Largest RoiSet.zip member read (ImageJ refuses ROI files above 5 MB that are not named .roi; we allow 1 GB).</summary>
    private const long MaxMemberBytes = 1L << 30;

    public static BlobTable ReadRoi(string path, BlobReadOptions options)
    {
        var bytes = ReadAll(path);
        var roi = ImageJPointRoi.Decode(bytes, path);
        var (blobs, fromFile) = Blobs(roi, options, -1);
        return new BlobTable(path, BlobFormat.ImageJRoi, blobs) { ChannelFromFile = fromFile };
    }

    public static BlobTable ReadRoiSet(string path, BlobReadOptions options)
    {
        using var zip = OpenZip(path);
        var entries = zip.Entries.Where(e => e.FullName.EndsWith(".roi", StringComparison.OrdinalIgnoreCase)).ToList();
        if (entries.Count == 0) throw new ColocFormatException($"{path}: no .roi members (not an ImageJ RoiSet.zip)");
        var all = new List<Blob>();
        bool fromFile = entries.Count > 1;
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (e.Length > MaxMemberBytes) throw new ColocFormatException($"{path}: member {e.FullName} is {e.Length} bytes, too large for a ROI");
            var bytes = new byte[e.Length];
            try
            {
                using var s = e.Open();
                s.ReadExactly(bytes);
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException)
            {
                throw new ColocFormatException($"{path}: member {e.FullName} is damaged: {ex.Message}", ex);
            }
            var roi = ImageJPointRoi.Decode(bytes, $"{path}:{e.FullName}");
            var (blobs, own) = Blobs(roi, options, entries.Count > 1 ? i : -1);
            fromFile |= own;
            all.AddRange(blobs);
        }
        return new BlobTable(path, BlobFormat.ImageJRoiSet, [.. all]) { ChannelFromFile = fromFile };
    }

    /// <summary>The blobs of one ROI; <paramref name="place"/> is its place in a set (−1 alone); true when the channel came from the file.</summary>
    private static (Blob[] Blobs, bool FromFile) Blobs(ImageJPointRoi roi, BlobReadOptions options, int place)
    {
        int nc = Math.Max(1, options.RoiStackChannels);
        int n = roi.X.Length;
        bool anyCounter = roi.Counters.Any(c => c != 0);
        bool allPositions = n > 0 && roi.StackPositions.All(p => p > 0);
        bool fromFile = roi.CPosition > 0 || (nc > 1 && allPositions) || anyCounter || place >= 0;
        var blobs = new Blob[n];
        for (int i = 0; i < n; i++)
        {
            int p = roi.StackPositions[i];
            double z = p > 0 ? (p - 1) / nc : roi.ZPosition > 0 ? roi.ZPosition - 1 : roi.Position > 0 ? (roi.Position - 1) / nc : 0;
            int c = roi.CPosition > 0 ? roi.CPosition - 1
                : nc > 1 && p > 0 ? (p - 1) % nc
                : anyCounter ? roi.Counters[i]
                : Math.Max(place, 0);
            blobs[i] = new Blob(z, roi.Y[i], roi.X[i], 0, -1, -1, c);
        }
        return (blobs, fromFile);
    }

    public static void WriteRoi(string path, ReadOnlySpan<Blob> blobs)
    {
        var all = blobs.ToArray();
        if (all.FirstOrDefault(b => b.Channel > 255) is { Channel: > 255 } big)
            throw new ColocFormatException($"{path}: channel {big.Channel} does not fit a multipoint counter (0-255); write a RoiSet.zip");
        var roi = ToRoi(path, all, "blobs") with { Counters = Array.ConvertAll(all, b => (int)b.Channel) };
        var bytes = roi.Encode();
        Files.AtomicFile.Write(path, s => s.Write(bytes));
    }

    public static void WriteRoiSet(string path, ReadOnlySpan<Blob> blobs)
    {
        var groups = blobs.ToArray().GroupBy(b => (int)b.Channel).OrderBy(g => g.Key).ToList();
        Files.AtomicFile.Write(path, s =>
        {
            using var zip = new ZipArchive(s, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var g in groups)
            {
                var roi = ToRoi(path, g.ToArray(), $"c{g.Key}") with { CPosition = g.Key + 1 };
                var e = zip.CreateEntry(roi.Name + ".roi", CompressionLevel.Optimal);
                using var w = e.Open();
                w.Write(roi.Encode());
            }
        });
    }

    private static ImageJPointRoi ToRoi(string path, Blob[] blobs, string name)
    {
        var slices = Array.ConvertAll(blobs, b => Math.Round(b.Z, MidpointRounding.AwayFromZero) + 1);
        int bad = Array.FindIndex(slices, p => p < 1 || p > (1 << 23));
        if (bad >= 0) throw new ColocFormatException($"{path}: blob {bad} at z {blobs[bad].Z} cannot be an ImageJ stack position (slice 1..2^23)");
        return new(name, Array.ConvertAll(blobs, b => (float)b.X), Array.ConvertAll(blobs, b => (float)b.Y),
            new int[blobs.Length], Array.ConvertAll(slices, p => (int)p));
    }

    private static byte[] ReadAll(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ColocFormatException($"{path}: cannot read: {e.Message}", e);
        }
    }

    internal static ZipArchive OpenZip(string path)
    {
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new ColocFormatException($"{path}: not a readable ZIP archive: {e.Message}", e);
        }
    }
}
