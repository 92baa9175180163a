using System.IO.Compression;
using Coloc.Core.Blobs;

namespace Coloc.IO.Blobs;

/// <summary>
/// Blobs from and to ImageJ point ROIs: one <c>.roi</c> multipoint or a ROI Manager <c>RoiSet.zip</c> (one <c>.roi</c>
/// per member). A point's stack position is its own when set, else the ROI's, else the one in the ROI Manager's label
/// of a one-point ROI (<c>SSSS-YYYY-XXXX</c>, what pressing "t" on a stack names it: ImageJ stores no position then).
/// With <see cref="BlobReadOptions.RoiStackChannels"/> N the position p is slice (p−1) div N and, for N &gt; 1,
/// channel (p−1) mod N; the ROI's hyperstack z, when set and the point has no position of its own, is the slice.
/// The channel is, in order: the ROI's hyperstack channel, the channel of the stack position (N &gt; 1), its
/// multipoint counter when any counter is set, for a labelled one-point ROI the file's place among the inputs, the
/// ROI's place in a RoiSet.zip, else the file's place among the inputs. Radius 0, confirmed and truth −1.
/// <para>
/// Writing, for a stack of N channels (<see cref="BlobReadOptions.RoiStackChannels"/>, default 1): each point's stack
/// position is the slice index ImageJ's multipoint tool records on such a stack, round(z) × N + channel + 1 (a plain
/// z-stack: round(z) + 1), and its counter is the channel (ImageJ has 100 counters, 0–99). <c>.roi</c> holds every blob
/// in one multipoint ROI; <c>RoiSet.zip</c> holds one ROI per channel, named <c>c&lt;channel&gt;</c>, in channel order,
/// with the hyperstack channel set when N &gt; 1. x and y are stored as 32-bit floats (ImageJ's sub-pixel points). So
/// reading with the same N gives back z = round(z), y, x and the channel.
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
        if (roi.Name.Length == 0) roi = roi with { Name = Path.GetFileNameWithoutExtension(path) };
        var (blobs, fromFile) = Blobs(roi, options, -1);
        return new BlobTable(path, BlobFormat.ImageJRoi, blobs) { ChannelFromFile = fromFile };
    }

    public static BlobTable ReadRoiSet(string path, BlobReadOptions options)
    {
        using var zip = OpenZip(path);
        var entries = zip.Entries.Where(e => e.FullName.EndsWith(".roi", StringComparison.OrdinalIgnoreCase)).ToList();
        if (entries.Count == 0) throw new ColocFormatException($"{path}: no .roi members (not an ImageJ RoiSet.zip)");
        var all = new List<Blob>();
        bool fromFile = false;
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
            if (roi.Name.Length == 0) roi = roi with { Name = Path.GetFileNameWithoutExtension(e.FullName) };
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
        int label = LabelStackPosition(roi);
        // The whole ROI's stack position: its own, else the one in its ROI Manager label (one click added with "t").
        int whole = roi.Position > 0 ? roi.Position : label;
        bool fromFile = roi.CPosition > 0 || (nc > 1 && (allPositions || whole > 0)) || anyCounter || (place >= 0 && label == 0);
        var blobs = new Blob[n];
        for (int i = 0; i < n; i++)
        {
            int p = roi.StackPositions[i];
            double z = p > 0 ? (p - 1) / nc : roi.ZPosition > 0 ? roi.ZPosition - 1 : whole > 0 ? (whole - 1) / nc : 0;
            int c = roi.CPosition > 0 ? roi.CPosition - 1
                : nc > 1 && p > 0 ? (p - 1) % nc
                : nc > 1 && whole > 0 ? (whole - 1) % nc
                : anyCounter ? roi.Counters[i]
                : label > 0 ? 0
                : Math.Max(place, 0);
            blobs[i] = new Blob(z, roi.Y[i], roi.X[i], 0, -1, -1, c);
        }
        return (blobs, fromFile);
    }

    /// <summary>
    /// The stack position in the name ImageJ's ROI Manager gives a one-point ROI added from a stack
    /// (<c>RoiManager.getLabel</c>: <c>SSSS-YYYY-XXXX</c>, stack index, y and x of the point, zero-padded to at least 4
    /// digits, maybe followed by <c>-N</c> to make it unique), or 0 when the name is not that label of this point.
    /// </summary>
    private static int LabelStackPosition(ImageJPointRoi roi)
    {
        if (roi.X.Length != 1) return 0;
        var parts = roi.Name.Split('-');
        if (parts.Length is not (3 or 4) || parts.Take(3).Any(t => t.Length < 4 || !t.All(char.IsAsciiDigit))) return 0;
        if (!int.TryParse(parts[0], out int slice) || !int.TryParse(parts[1], out int y) || !int.TryParse(parts[2], out int x)) return 0;
        return slice > 0 && y == Math.Max(0, (int)Math.Floor(roi.Y[0])) && x == Math.Max(0, (int)Math.Floor(roi.X[0])) ? slice : 0;
    }

    /// <summary>Largest channel a multipoint counter holds (ImageJ 1.53t's PointRoi has 100 counters).</summary>
    private const int MaxCounter = 99;

    public static void WriteRoi(string path, ReadOnlySpan<Blob> blobs, int stackChannels)
    {
        var all = blobs.ToArray();
        int big = Array.FindIndex(all, b => b.Channel > MaxCounter);
        if (big >= 0)
            throw new ColocFormatException($"{path}: blob {big} has channel {all[big].Channel}, beyond ImageJ's multipoint counters (0-{MaxCounter}); write a RoiSet.zip");
        var bytes = ToRoi(path, all, "blobs", stackChannels).Encode();
        Files.AtomicFile.Write(path, s => s.Write(bytes));
    }

    public static void WriteRoiSet(string path, ReadOnlySpan<Blob> blobs, int stackChannels)
    {
        var groups = blobs.ToArray().GroupBy(b => (int)b.Channel).OrderBy(g => g.Key).ToList();
        var rois = groups.Select(g => ToRoi(path, g.ToArray(), $"c{g.Key}", stackChannels) with { CPosition = stackChannels > 1 ? g.Key + 1 : 0 }).ToList();
        Files.AtomicFile.Write(path, s =>
        {
            using var zip = new ZipArchive(s, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var roi in rois)
            {
                var e = zip.CreateEntry(roi.Name + ".roi", CompressionLevel.Optimal);
                using var w = e.Open();
                w.Write(roi.Encode());
            }
        });
    }

    /// <summary>One multipoint ROI of <paramref name="blobs"/> on a stack of <paramref name="stackChannels"/> channels.</summary>
    private static ImageJPointRoi ToRoi(string path, Blob[] blobs, string name, int stackChannels)
    {
        int n = Math.Max(1, stackChannels);
        var positions = new int[blobs.Length];
        for (int i = 0; i < blobs.Length; i++)
        {
            var b = blobs[i];
            double slice = Math.Round(b.Z, MidpointRounding.AwayFromZero);
            double p = slice * n + (n > 1 ? b.Channel : 0) + 1;
            bool badChannel = b.Channel < 0 || (n > 1 && b.Channel >= n);
            if (!(slice >= 0) || p > MaxStackPosition || badChannel)
                throw new ColocFormatException(badChannel
                    ? $"{path}: blob {i} has channel {b.Channel}, not one of the {n} channels of the stack (--roi-channels)"
                    : $"{path}: blob {i} at z {b.Z} cannot be an ImageJ stack position (1..{MaxStackPosition})");
            positions[i] = (int)p;
        }
        return new(name, Array.ConvertAll(blobs, b => (float)b.X), Array.ConvertAll(blobs, b => (float)b.Y),
            Array.ConvertAll(blobs, b => b.Channel <= MaxCounter ? (int)b.Channel : 0), positions);
    }

    /// <summary>Largest per-point stack position (24 bits of ImageJ's counter word, read back as a signed int).</summary>
    private const int MaxStackPosition = (1 << 23) - 1;

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
