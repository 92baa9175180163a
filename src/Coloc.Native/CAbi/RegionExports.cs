using System.Runtime.InteropServices;
using Coloc.Core.Blobs;
using Coloc.Core.Parameters;
using Coloc.Core.Regions;
using Coloc.IO.Regions;

namespace Coloc.Native.CAbi;

/// <summary>
/// The per-region analysis through the C ABI: <c>coloc_regions</c> runs <see cref="RegionRun"/> exactly as
/// <c>coloc regions</c> does (same options, checks, messages and files). Added to ABI version 1 without changing any
/// other export (<see cref="CAbiVersion"/>): callers probe for the symbol.
/// </summary>
public static unsafe class RegionExports
{
    /// <summary>The name an array of blobs has in summary.json and in messages when --blobs does not name it.</summary>
    public const string ArrayName = "(array)";

    /// <summary>
    /// <c>int coloc_regions(const double *blobs, int64_t rows, int64_t cols, int64_t row_stride, int64_t col_stride,
    /// const char *options, struct coloc_control *control, char **report)</c>: <c>coloc regions</c> with the options of
    /// <see cref="CommandOptions.Regions"/> (--matches, --labels and --out required as on the command line). The blobs
    /// are read from --blobs when <paramref name="blobs"/> is null, else from the array as in <see cref="StridedBlobs.Read"/>
    /// (then --blobs, optional, only names them; default <see cref="ArrayName"/>). Writes the files of
    /// <c>coloc regions --out</c> (all-or-nothing) and returns in <paramref name="report"/> the CLI's line without its
    /// time (<see cref="RegionRun.Report"/>); <paramref name="control"/> may be null (<see cref="CControl"/>).
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "coloc_regions")]
    public static int Regions(double* blobs, long rows, long cols, long rowStride, long colStride, byte* options, void* control, byte** report) =>
        CGuard.Run(() =>
        {
            if (report == null) throw new ArgumentException("report: null output pointer");
            var ctl = CControl.At(control);
            var values = new FlagValues(CGuard.Text(options, "options"), CommandOptions.Regions);
            string outDir = Required(values, SharedParameters.OutFolder);
            string matches = Required(values, RegionParameters.Matches);
            Blob[]? input = blobs == null ? null : StridedBlobs.Read(blobs, rows, cols, rowStride, colStride);
            string blobPath = input is null ? Required(values, SharedParameters.Blobs) : values.Get(SharedParameters.Blobs) ?? ArrayName;
            var run = RegionRun.Prepare(values, blobPath, matches, input);
            ctl.Report(0.05);
            ctl.ThrowIfCancelled();
            RegionResult result;
            using (var watch = new Jni.CancelWatch(ctl.Block))
                result = run.Execute(outDir, watch.Token);
            *report = CGuard.Utf8(run.Report(result, outDir));
            ctl.Report(1);
        });

    private static string Required(FlagValues values, ParameterSpec parameter)
    {
        string? v = values.Get(parameter);
        return string.IsNullOrWhiteSpace(v) ? throw new ParameterException(parameter, "is required") : v;
    }
}
