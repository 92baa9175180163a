using System.Text.Json;
using Coloc.Core.Matching;

namespace Coloc.IO.Json;

/// <summary>
/// <c>summary.json</c> (format version 1): <c>format_version</c>, <c>mode</c>, <c>pairs</c> (keys in order, as
/// <c>[a, b]</c>), <c>counts</c> (<c>"a,b"</c> → matches), <c>blobs_per_channel</c> (<c>"c"</c> → blobs), <c>tol_voxels</c> [z, y, x] when known, then any
/// extra sections the caller adds.
/// </summary>
public static class SummaryJson
{
    /// <summary>The format version written.</summary>
    public const int FormatVersion = 1;

    /// <summary>Writes the summary; <paramref name="extra"/> may add more properties to the root object.</summary>
    public static void Write(Stream s, MatchSummary summary, Action<Utf8JsonWriter>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var w = new Utf8JsonWriter(s, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        w.WriteStartObject();
        w.WriteNumber("format_version", FormatVersion);
        w.WriteString("mode", summary.Mode);
        w.WriteStartArray("pairs");
        foreach (var (p, _) in summary.Pairs)
        {
            w.WriteStartArray();
            w.WriteNumberValue(p.A);
            w.WriteNumberValue(p.B);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteStartObject("counts");
        foreach (var (p, c) in summary.Pairs) w.WriteNumber(p.Key, c);
        w.WriteEndObject();
        w.WriteStartObject("blobs_per_channel");
        foreach (var (c, n) in summary.BlobsPerChannel) w.WriteNumber(c.ToString(System.Globalization.CultureInfo.InvariantCulture), n);
        w.WriteEndObject();
        if (summary.TolVoxels is { } t)
        {
            w.WriteStartArray("tol_voxels");
            w.WriteNumberValue(t.Z);
            w.WriteNumberValue(t.Y);
            w.WriteNumberValue(t.X);
            w.WriteEndArray();
        }
        extra?.Invoke(w);
        w.WriteEndObject();
        w.Flush();
    }
}
