using System.Globalization;
using Coloc.Core.Pipeline;
using Coloc.IO.Csv;
using Coloc.IO.Files;
using Coloc.IO.Json;
using Coloc.Core.Intensity;

namespace Coloc.IO;

/// <summary>
/// The result folder of <c>coloc run</c> and <c>coloc merge</c>, written all-or-nothing:
/// <c>blobs.csv</c> (the detected blobs in canonical order, <see cref="BlobCsv"/>), <c>intensity.csv</c> (header
/// <c>blob_index,in_roi,c0,c1,…</c>: one row per blob of <c>blobs.csv</c>, 0-based row index, in_roi always 1 for a
/// whole-image run, then the 0/1 intensity flag per image channel), <c>matches_c&lt;a&gt;_c&lt;b&gt;.csv</c> per channel
/// pair and <c>summary.json</c> (with an <c>intensity_thresholds</c> object: channel → threshold, <c>"nan"</c> when
/// NaN, channels without blobs left out). Nothing in it depends on the block layout, thread count or time.
/// </summary>
public static class RunOutput
{
    /// <summary>Writes the folder.</summary>
    /// <exception cref="ColocFormatException">It cannot be written; nothing is left behind.</exception>
    public static void Write(string folder, PipelineResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var staged = new StagedFolder(folder);
        staged.WriteText("blobs.csv", w => BlobCsv.Write(w, result.Blobs));
        staged.WriteText("intensity.csv", w => WriteIntensity(w, result.Intensity, result.Blobs.Length));
        foreach (var (pair, m) in result.Matches.Pairs)
            staged.WriteText(pair.FileStem + ".csv", w => MatchCsv.Write(w, m));
        staged.Write("summary.json", s => SummaryJson.Write(s, result.Summary, w =>
        {
            w.WriteStartObject("intensity_thresholds");
            for (int c = 0; c < result.Intensity.ChannelCount; c++)
            {
                if (result.Intensity.ThresholdPerChannel[c] is not { } t) continue;
                string key = c.ToString(CultureInfo.InvariantCulture);
                if (double.IsNaN(t)) w.WriteString(key, "nan"); else w.WriteNumber(key, t);
            }
            w.WriteEndObject();
        }));
        staged.Commit();
    }

    private static void WriteIntensity(TextWriter w, IntensityFlags flags, int blobCount)
    {
        w.Write("blob_index,in_roi");
        for (int c = 0; c < flags.ChannelCount; c++) w.Write(",c" + c.ToString(CultureInfo.InvariantCulture));
        w.Write('\n');
        for (int i = 0; i < blobCount; i++)
        {
            w.Write(i.ToString(CultureInfo.InvariantCulture));
            w.Write(",1");
            for (int c = 0; c < flags.ChannelCount; c++) w.Write(flags[i, c] == 1 ? ",1" : ",0");
            w.Write('\n');
        }
    }
}
