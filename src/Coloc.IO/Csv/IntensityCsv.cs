using System.Globalization;
using Coloc.Core.Intensity;
using Coloc.IO.Files;

namespace Coloc.IO.Csv;

/// <summary>
/// CSV files of intensity colocalization, the oracle's formats (version 1 = these headers):
/// flags <c>blob_index,in_roi,c0,c1,…</c>, one row per input blob in input order, 0/1 values;
/// diagnostics <c>blob_index,blob_channel,other_channel,mean_intensity_in_other,threshold_of_other</c>, one row per
/// compared (blob, other channel), means and thresholds as shortest round-trip decimals (<c>nan</c> for NaN).
/// Written atomically (temporary file, then rename).
/// </summary>
public static class IntensityCsv
{
    /// <summary>The flags header for <paramref name="channels"/> image channels.</summary>
    public static string FlagsHeader(int channels) =>
        "blob_index,in_roi" + string.Concat(Enumerable.Range(0, channels).Select(c => $",c{c}"));

    /// <summary>The diagnostics header.</summary>
    public const string DiagnosticsHeader = "blob_index,blob_channel,other_channel,mean_intensity_in_other,threshold_of_other";

    /// <summary>Writes the flags table.</summary>
    public static void WriteFlags(string path, IntensityColocResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        AtomicFile.WriteText(path, w =>
        {
            w.WriteLine(FlagsHeader(result.ImageChannels));
            for (int i = 0; i < result.Count; i++)
            {
                w.Write(i);
                w.Write(result.InRoi[i] ? ",1" : ",0");
                for (int c = 0; c < result.ImageChannels; c++) w.Write(result.Flag(i, c) == 1 ? ",1" : ",0");
                w.WriteLine();
            }
        });
    }

    /// <summary>
    /// Writes the flags table of a whole-image run: one row per blob, <c>in_roi</c> always 1, then the 0/1 flag per
    /// image channel.
    /// </summary>
    /// <param name="w">Destination (newlines are written as <c>\n</c>).</param>
    /// <param name="flags">The run's flags.</param>
    /// <param name="blobCount">Blobs (rows) the flags describe.</param>
    public static void WriteFlags(TextWriter w, IntensityFlags flags, int blobCount)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(flags);
        w.Write(FlagsHeader(flags.ChannelCount));
        w.Write('\n');
        for (int i = 0; i < blobCount; i++)
        {
            w.Write(i.ToString(CultureInfo.InvariantCulture));
            w.Write(",1");
            for (int c = 0; c < flags.ChannelCount; c++) w.Write(flags[i, c] == 1 ? ",1" : ",0");
            w.Write('\n');
        }
    }

    /// <summary>Writes the diagnostics table.</summary>
    public static void WriteDiagnostics(string path, IntensityColocResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        AtomicFile.WriteText(path, w =>
        {
            w.WriteLine(DiagnosticsHeader);
            foreach (var d in result.Diagnostics)
            {
                w.Write(d.BlobIndex); w.Write(',');
                w.Write(d.BlobChannel); w.Write(',');
                w.Write(d.OtherChannel); w.Write(',');
                CsvNumber.Write(w, d.MeanIntensityInOther); w.Write(',');
                CsvNumber.Write(w, d.ThresholdOfOther);
                w.WriteLine();
            }
        });
    }
}
