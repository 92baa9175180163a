using System.Text.Json;
using Coloc.Core.Regions;
using Coloc.IO.Files;
using Coloc.IO.Tiff;

namespace Coloc.IO.Regions;

/// <summary>
/// Writes a per-region result into a folder, all or nothing (<see cref="StagedFolder"/>): <c>regions.csv</c>
/// (<see cref="RegionsCsv"/>), <c>heat_c&lt;k&gt;.tif</c> and <c>heat_match_c&lt;a&gt;_c&lt;b&gt;.tif</c> (the labels'
/// shape, one 32-bit unsigned count per voxel), <c>l_c&lt;a&gt;_c&lt;b&gt;.csv</c> when L(r) curves were computed
/// (<see cref="LCurvesCsv"/>) and <c>summary.json</c> (format version 1: the parameters the caller
/// writes, blobs outside the labels grid and clipped at its top edge per channel, and per pair the analytic CSR
/// expectation per region row).
/// </summary>
public static class RegionsOutput
{
    /// <summary>Writes <paramref name="result"/> into <paramref name="folder"/>.</summary>
    /// <param name="folder">Output folder (created if missing).</param>
    /// <param name="channels">The counted channels, in the order of <see cref="RegionResult.ChannelMaps"/>.</param>
    /// <param name="result">The analysis.</param>
    /// <param name="name">Region names for <c>regions.csv</c>.</param>
    /// <param name="voxelUm3">Volume of one labels voxel in µm³.</param>
    /// <param name="parameters">Writes the <c>parameters</c> object's properties.</param>
    /// <param name="extraFiles">More files written in the same all-or-nothing step (the front's pictures), listed in
    /// summary.json's <c>plots</c>; null or empty for none.</param>
    /// <exception cref="ColocFormatException">A file cannot be written; nothing is left behind.</exception>
    public static void Write(string folder, IReadOnlyList<int> channels, RegionResult result, Func<long, string> name, double voxelUm3,
        Action<Utf8JsonWriter> parameters, IReadOnlyList<(string Name, Action<Stream> Write)>? extraFiles = null)
    {
        extraFiles ??= [];
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(parameters);
        using var staged = new StagedFolder(folder);
        staged.WriteText("regions.csv", w => RegionsCsv.Write(w, channels, result, name, voxelUm3));
        for (int k = 0; k < channels.Count; k++) staged.Write($"heat_c{channels[k]}.tif", s => Tiff(s, result.ChannelMaps[k]));
        for (int k = 0; k < result.Pairs.Length; k++)
            staged.Write($"heat_match_c{result.Pairs[k].A}_c{result.Pairs[k].B}.tif", s => Tiff(s, result.PairMaps[k]));
        for (int k = 0; k < result.Pairs.Length; k++)
            if (result.LCurves[k] is { } curves)
                staged.WriteText($"l_c{result.Pairs[k].A}_c{result.Pairs[k].B}.csv", w => LCurvesCsv.Write(w, result.Rows, curves));
        foreach (var (fileName, write) in extraFiles) staged.Write(fileName, write);
        staged.Write("summary.json", s => Summary(s, channels, result, parameters, extraFiles.Select(f => f.Name)));
        staged.Commit();
    }

    private static void Tiff(Stream s, HeatMap map)
    {
        string tmp = Path.Combine(Path.GetTempPath(), "coloc-heat-" + Guid.NewGuid().ToString("N") + ".tif");
        try
        {
            var shape = map.Shape;
            int plane = shape.Y * shape.X;
            TiffStackWriter.Write<uint>(tmp, shape, 1, 1, (_, z, _, dst) =>
            {
                var src = map.Counts.Slice(z * plane, plane);
                for (int i = 0; i < plane; i++) dst[i] = (uint)src[i];
            });
            using var f = File.OpenRead(tmp);
            f.CopyTo(s);
        }
        finally
        {
            try { File.Delete(tmp); } catch (IOException) { }
        }
    }

    private static void Summary(Stream s, IReadOnlyList<int> channels, RegionResult result, Action<Utf8JsonWriter> parameters,
        IEnumerable<string> plots)
    {
        using var w = new Utf8JsonWriter(s, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        w.WriteStartObject();
        w.WriteNumber("format_version", RegionsCsv.FormatVersion);
        w.WriteStartObject("parameters");
        parameters(w);
        w.WriteEndObject();
        w.WriteStartObject("blobs_outside");
        for (int k = 0; k < channels.Count; k++) w.WriteNumber($"c{channels[k]}", result.ChannelMaps[k].Outside.Count);
        for (int k = 0; k < result.Pairs.Length; k++) w.WriteNumber($"match_c{result.Pairs[k].A}_c{result.Pairs[k].B}", result.PairMaps[k].Outside.Count);
        w.WriteEndObject();
        w.WriteStartObject("blobs_clipped_at_top");
        for (int k = 0; k < channels.Count; k++) w.WriteNumber($"c{channels[k]}", result.ChannelMaps[k].ClippedAtTop);
        w.WriteEndObject();
        w.WriteStartArray("plots");
        foreach (var f in plots) w.WriteStringValue(f);
        w.WriteEndArray();
        w.WriteStartObject("csr_expected");
        for (int k = 0; k < result.Pairs.Length; k++)
        {
            w.WriteStartObject($"c{result.Pairs[k].A}_c{result.Pairs[k].B}");
            for (int r = 0; r < result.Rows.Length; r++)
                if (double.IsFinite(result.CsrExpected[k][r]))
                    w.WriteNumber(result.Rows[r].Label.ToString(System.Globalization.CultureInfo.InvariantCulture), result.CsrExpected[k][r]);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
    }
}
