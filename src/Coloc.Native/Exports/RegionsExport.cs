using System.Globalization;
using System.Runtime.InteropServices;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Parameters;
using Coloc.Core.Regions;
using Coloc.IO.Regions;
using Coloc.Native.Jni;
using Coloc.Native.Options;
using Coloc.Native.Pixels;

namespace Coloc.Native.Exports;

/// <summary>
/// The JNI entry point of Fiji's Coloc Regions: <see cref="RegionRun"/>, as <c>coloc regions</c> runs it, on blobs,
/// labels and geometry handed over by Java, under <see cref="ExportGuard"/> (every failure a Java exception with one line).
/// </summary>
public static class RegionsExport
{
    /// <summary>The blobs' name in summary.json when Java detected them (no blob file).</summary>
    public const string DetectedBlobs = "(detected on the image)";

    /// <summary>The matches' name in summary.json when they were matched here (no matches folder).</summary>
    public const string MatchedHere = "(matched here)";

    /// <summary>
    /// <c>static native String[] regions(double[] blobs, Object[] labelPlanes, int[] labelsShapeZyx, int[] imageShapeZyx,
    /// double[] resolutionUm, String options, ByteBuffer control)</c>: blobs 7 doubles each; the labels as one channel of
    /// Z planes (see <see cref="JavaLabels"/>); options with the keys of <see cref="CommandSpecs.Regions"/> (the
    /// <c>labels</c> key only names them). Without <c>matches</c> the blobs are matched first
    /// (<see cref="MatchParameters.Request"/>, as Match Blobs); with it the folder's recorded mode must be <c>mode</c>.
    /// Writes <c>output</c> as <c>coloc regions --out</c> does (without its PNG plots) when set. Returns: [0] the
    /// report line, [1] the regions.csv text, [2] one line per region row <c>label TAB short name</c> (the ontology's
    /// acronym, else the id), then per pair <c>c&lt;a&gt;_c&lt;b&gt;</c> and its l_c&lt;a&gt;_c&lt;b&gt;.csv text ("" without
    /// curves). Channels are 0-based in all texts, as in the files.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = NativeAbi.Prefix + "regions")]
    public static IntPtr Regions(IntPtr env, IntPtr cls, IntPtr blobs, IntPtr labelPlanes, IntPtr labelsShapeZyx, IntPtr imageShapeZyx,
        IntPtr resolutionUm, IntPtr options, IntPtr control) => ExportGuard.Run(env, e =>
    {
        var ctl = ControlBlock.From(e, control);
        var input = BlobArrays.Read(e, blobs);
        var values = MacroOptions.NonEmptyValues(e.GetString(options), CommandSpecs.Regions);
        var shape = Shape(imageShapeZyx == IntPtr.Zero ? null : e.GetInts(imageShapeZyx));
        var res = Resolution(resolutionUm == IntPtr.Zero ? null : e.GetDoubles(resolutionUm));
        string labelsName = values.Get(RegionParameters.FijiLabels) ?? "labels";
        var labels = JavaLabels.Read(e, labelPlanes, labelsShapeZyx == IntPtr.Zero ? null : e.GetInts(labelsShapeZyx), labelsName);
        ctl.Report(0.02);
        if (ctl.CancelRequested) throw new OperationCanceledException();

        string mode = values.Choice(MatchParameters.Mode);
        string? dir = values.Get(RegionParameters.Matches);
        MatchFolder folder;
        if (dir is null)
        {
            var request = MatchParameters.Request(values, shape, res);
            MatchSet matched;
            using (var watch = ctl.Watch())
                matched = MatchEngine.Run(input, request, watch.Token);
            folder = new MatchFolder(matched.Pairs.Select(kv => (kv.Key, kv.Value)).ToList(), mode, null);
        }
        else
        {
            folder = MatchFolder.Read(dir);
            if (folder.Mode is { } recorded && recorded != mode)
                throw new ArgumentException($"matches: {dir} holds {recorded} matches, but mode is {mode} (the null model rematches in that mode); choose mode={recorded}");
        }
        ctl.Report(0.1);
        var run = RegionRun.Prepare(values, values.Get(SharedParameters.Blobs) ?? DetectedBlobs, dir ?? MatchedHere, input, (shape, res),
            labelsRead: (labelsName, labels), matchesRead: folder);
        string? outDir = values.Get(SharedParameters.OutFolder);
        RegionResult result;
        using (var watch = ctl.Watch())
            result = run.Execute(outDir, watch.Token);
        var texts = new List<string>
        {
            outDir is null
                ? $"{result.Rows.Length} regions, {result.Pairs.Length} pair(s), {run.Request.Permutations} permutations"
                : run.Report(result, outDir),
            run.RegionsCsvText(result),
            string.Concat(result.Rows.Select(r => r.Label.ToString(CultureInfo.InvariantCulture) + "\t" + run.ShortName(r.Label) + "\n")),
        };
        for (int k = 0; k < result.Pairs.Length; k++)
        {
            texts.Add($"c{result.Pairs[k].A}_c{result.Pairs[k].B}");
            using var w = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            if (result.LCurves[k] is { } curves) LCurvesCsv.Write(w, result.Rows, curves);
            texts.Add(w.ToString());
        }
        ctl.Report(1);
        return e.NewStringArray(texts);
    }, IntPtr.Zero);

    private static ZyxInt Shape(int[]? s)
    {
        if (s is null || s.Length != 3) throw JavaException.Argument("image shape: expected 3 values z,y,x");
        if (s.Any(v => v < 1)) throw JavaException.Argument($"image shape: every axis must be >= 1, got {string.Join(",", s)}");
        return new ZyxInt(s[0], s[1], s[2]);
    }

    private static Zyx Resolution(double[]? r)
    {
        if (r is null || r.Length != 3) throw JavaException.Argument("resolution: expected 3 values z,y,x in µm");
        var v = new Zyx(r[0], r[1], r[2]);
        if (!v.IsFinite || v.Min <= 0) throw JavaException.Argument($"resolution: must be finite and > 0 µm on every axis, got {v}");
        return v;
    }
}
