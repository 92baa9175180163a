using System.Text.Json;
using Coloc.Core.Matching;

namespace Coloc.IO.Json;

/// <summary>
/// The <c>multi_positive</c> section of <c>summary.json</c> (an addition within format version 1): an array of
/// <c>{"channel": c, "matched_in": [a, b, ...], "blobs": n}</c>, meaning n blobs of channel c are matched in every
/// listed channel. Written by exact runs with 3 to 8 channels.
/// </summary>
public static class MultiPositiveJson
{
    /// <summary>Writes the section as a property of the current object.</summary>
    public static void Write(Utf8JsonWriter w, IReadOnlyList<MultiPositiveSet> sets)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(sets);
        w.WriteStartArray("multi_positive");
        foreach (var s in sets)
        {
            w.WriteStartObject();
            w.WriteNumber("channel", s.Channel);
            w.WriteStartArray("matched_in");
            foreach (int c in s.MatchedIn) w.WriteNumberValue(c);
            w.WriteEndArray();
            w.WriteNumber("blobs", s.Blobs);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
