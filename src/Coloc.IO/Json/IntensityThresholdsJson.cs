using System.Globalization;
using System.Text.Json;
using Coloc.Core.Intensity;

namespace Coloc.IO.Json;

/// <summary>
/// The <c>intensity_thresholds</c> section of <c>summary.json</c> (written by whole-image runs): an object channel →
/// intensity threshold of that channel (the mean neighbourhood intensity it is compared with, image units),
/// <c>"nan"</c> when the threshold is NaN; channels without blobs are left out.
/// </summary>
public static class IntensityThresholdsJson
{
    /// <summary>Writes the section as a property of the current object.</summary>
    public static void Write(Utf8JsonWriter w, IntensityFlags flags)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(flags);
        w.WriteStartObject("intensity_thresholds");
        for (int c = 0; c < flags.ChannelCount; c++)
        {
            if (flags.ThresholdPerChannel[c] is not { } t) continue;
            string key = c.ToString(CultureInfo.InvariantCulture);
            if (double.IsNaN(t)) w.WriteString(key, "nan"); else w.WriteNumber(key, t);
        }
        w.WriteEndObject();
    }
}
