using System.Globalization;
using System.Text;

namespace Coloc.IO.Tiff;

/// <summary>
/// The ImageJ hyperstack header that ImageJ and tifffile write into the ImageDescription tag of the first page:
/// <c>key=value</c> lines starting with <c>ImageJ=</c>. Pages are stored channel fastest, then slice, then frame:
/// <c>page = (t·slices + z)·channels + c</c>.
/// </summary>
/// <param name="Images">Number of pages (<c>images=</c>), ≥ 1.</param>
/// <param name="Channels">Channels per slice (<c>channels=</c>, default 1).</param>
/// <param name="Slices">Z slices per frame (<c>slices=</c>, default <c>images / (channels·frames)</c>).</param>
/// <param name="Frames">Time points (<c>frames=</c>, default 1).</param>
/// <param name="Unit">Length unit of the calibration (<c>unit=</c>, e.g. <c>micron</c>), or null if absent.</param>
/// <param name="Spacing">Z step in <paramref name="Unit"/> (<c>spacing=</c>), or null if absent.</param>
public sealed record ImageJDescription(int Images, int Channels, int Slices, int Frames, string? Unit, double? Spacing)
{
    /// <summary>The version written by <see cref="Format"/>, as ImageJ 1.53t does.</summary>
    public const string Version = "1.53t";

    /// <summary>
    /// Parses a description; returns null if it does not start with <c>ImageJ=</c>. Throws
    /// <see cref="FormatException"/> if a count is not a positive integer or the counts do not fit together.
    /// </summary>
    public static ImageJDescription? TryParse(string? text)
    {
        if (text is null || !text.StartsWith("ImageJ=", StringComparison.Ordinal)) return null;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim('\r', '\0', ' ');
            int eq = line.IndexOf('=');
            if (eq > 0) map[line[..eq]] = line[(eq + 1)..];
        }
        int channels = Count(map, "channels") ?? 1;
        int frames = Count(map, "frames") ?? 1;
        int? slicesGiven = Count(map, "slices");
        int images = Count(map, "images") ?? channels * (slicesGiven ?? 1) * frames;
        int slices = slicesGiven ?? Math.Max(1, images / (channels * frames));
        if ((long)channels * slices * frames != images)
            throw new FormatException($"ImageJ header: channels={channels} × slices={slices} × frames={frames} ≠ images={images}");
        double? spacing = null;
        if (map.TryGetValue("spacing", out var sp))
        {
            if (!double.TryParse(sp, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || !double.IsFinite(s) || s <= 0)
                throw new FormatException($"ImageJ header: spacing '{sp}' is not a positive number");
            spacing = s;
        }
        map.TryGetValue("unit", out var unit);
        return new ImageJDescription(images, channels, slices, frames, string.IsNullOrEmpty(unit) ? null : unit, spacing);
    }

    /// <summary>Microns per <see cref="Unit"/> (micron/um/µm 1, nm 0.001, mm 1000, cm 10⁴, m 10⁶), or null if the unit is absent or unknown (e.g. <c>pixel</c>).</summary>
    public double? MicronsPerUnit => Unit?.Trim().ToLowerInvariant() switch
    {
        "micron" or "microns" or "um" or "µm" or "\u03bcm" or "\\u00b5m" => 1.0,
        "nm" or "nanometer" or "nanometre" => 1e-3,
        "mm" or "millimeter" or "millimetre" => 1e3,
        "cm" or "centimeter" or "centimetre" => 1e4,
        "m" or "meter" or "metre" => 1e6,
        _ => null,
    };

    /// <summary>
    /// The header text: <c>ImageJ=1.53t</c>, <c>images</c>, <c>channels</c>, <c>slices</c>, <c>frames</c> (the last
    /// three only when &gt; 1, as ImageJ does), <c>hyperstack=true</c> and <c>mode=composite</c> when there is more
    /// than one dimension or channel, <c>unit</c>, <c>spacing</c> (shortest round-trip decimal), <c>loop=false</c>.
    /// Lines end with <c>\n</c>, including the last.
    /// </summary>
    public string Format()
    {
        var sb = new StringBuilder();
        sb.Append("ImageJ=").Append(Version).Append('\n');
        sb.Append("images=").Append(Images.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (Channels > 1) sb.Append("channels=").Append(Channels.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (Slices > 1) sb.Append("slices=").Append(Slices.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (Frames > 1) sb.Append("frames=").Append(Frames.ToString(CultureInfo.InvariantCulture)).Append('\n');
        int dims = (Channels > 1 ? 1 : 0) + (Slices > 1 ? 1 : 0) + (Frames > 1 ? 1 : 0);
        if (dims > 1 || Channels > 1) sb.Append("hyperstack=true\n");
        if (Channels > 1) sb.Append("mode=composite\n");
        if (Unit is not null) sb.Append("unit=").Append(Unit).Append('\n');
        if (Spacing is { } s) sb.Append("spacing=").Append(s.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("loop=false\n");
        return sb.ToString();
    }

    private static int? Count(Dictionary<string, string> map, string key)
    {
        if (!map.TryGetValue(key, out var v)) return null;
        if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
            throw new FormatException($"ImageJ header: {key}='{v}' is not a positive integer");
        return n;
    }
}
