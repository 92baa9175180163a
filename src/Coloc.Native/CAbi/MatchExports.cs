using System.Runtime.InteropServices;
using Coloc.Core.Matching;
using Coloc.Core.Parameters;
using Coloc.IO.Results;
using Coloc.Native.Results;

namespace Coloc.Native.CAbi;

/// <summary>
/// Match colocalization through the C ABI (ABI <see cref="CAbiVersion.Version"/>): <c>coloc_match</c> runs
/// <see cref="MatchEngine.Run"/> exactly as <c>coloc match</c> does and keeps the result under a handle
/// (<see cref="MatchResults"/>); the caller reads its tables, writes its files and frees it.
/// </summary>
public static unsafe class MatchExports
{
    /// <summary>Values per match row: the columns of <see cref="Coloc.IO.Csv.MatchCsv.Header"/>, ids NaN when unset.</summary>
    public const int RowValues = 19;

    /// <summary>
    /// <c>int coloc_match(const double *blobs, int64_t rows, int64_t cols, int64_t row_stride, int64_t col_stride,
    /// const char *options, struct coloc_control *control, int64_t *result)</c>: blobs as in <see cref="StridedBlobs.Read"/>,
    /// options as <see cref="FlagValues"/> with the flags of <see cref="CommandOptions.Match"/> (the CLI's names,
    /// defaults, checks and messages); <paramref name="control"/> may be null (<see cref="CControl"/>).
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "coloc_match")]
    public static int Match(double* blobs, long rows, long cols, long rowStride, long colStride, byte* options, void* control, long* result) =>
        CGuard.Run(() =>
        {
            if (result == null) throw new ArgumentException("result: null output pointer");
            var ctl = CControl.At(control);
            var request = MatchParameters.Request(new FlagValues(CGuard.Text(options, "options"), CommandOptions.Match));
            var input = StridedBlobs.Read(blobs, rows, cols, rowStride, colStride);
            ctl.Report(0.05);
            ctl.ThrowIfCancelled();
            MatchSet matches;
            using (var watch = new Jni.CancelWatch(ctl.Block))
                matches = MatchEngine.Run(input, request, watch.Token);
            var summary = MatchSummary.Of(request.Mode.ToString().ToLowerInvariant(), matches, input);
            *result = MatchResults.Add(new MatchResults.MatchResult(matches, summary, request));
            ctl.Report(1);
        });

    /// <summary>
    /// <c>int coloc_result_pairs(int64_t result, int32_t *pairs, int32_t capacity, int32_t *count)</c>: the number of
    /// channel pairs in <paramref name="count"/> and, for the first <paramref name="capacity"/> of them in key order,
    /// three values each (channel a, channel b, number of matches) in <paramref name="pairs"/> (may be null).
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "coloc_result_pairs")]
    public static int Pairs(long result, int* pairs, int capacity, int* count) => CGuard.Run(() =>
    {
        if (count == null) throw new ArgumentException("count: null output pointer");
        var m = MatchResults.Get(result).Matches.Pairs;
        *count = m.Count;
        for (int i = 0; i < Math.Min(capacity, m.Count) && pairs != null; i++)
            (pairs[3 * i], pairs[3 * i + 1], pairs[3 * i + 2]) = (m[i].Key.A, m[i].Key.B, m[i].Value.Count);
    });

    /// <summary>
    /// <c>int coloc_result_rows(int64_t result, int32_t pair, double *out, int64_t rows)</c>: the rows of pair number
    /// <paramref name="pair"/> (key order) into <paramref name="output"/>, <see cref="RowValues"/> float64 per row in the
    /// order of the match CSV header (MatchID, RoiID, Blob1ID, Blob1_z … Blob2_channel, Distance; ids NaN when unset);
    /// <paramref name="rows"/> must equal the pair's match count.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "coloc_result_rows")]
    public static int Rows(long result, int pair, double* output, long rows) => CGuard.Run(() =>
    {
        var pairs = MatchResults.Get(result).Matches.Pairs;
        if (pair < 0 || pair >= pairs.Count) throw new ArgumentException($"pair: {pair} is not in 0..{pairs.Count - 1}");
        var m = pairs[pair].Value.Rows;
        if (rows != m.Count) throw new ArgumentException($"rows: {rows}, the pair has {m.Count}");
        if (output == null && rows > 0) throw new ArgumentException("out: null");
        Parallel.For(0, (m.Count + 65535) / 65536, chunk =>
        {
            for (int i = chunk * 65536, end = Math.Min(m.Count, i + 65536); i < end; i++)
            {
                var r = m[i];
                double* o = output + (long)i * RowValues;
                o[0] = Id(r.MatchId); o[1] = Id(r.RoiId); o[2] = Id(r.Blob1Id);
                for (int k = 0; k < 7; k++) o[3 + k] = r.Blob1[k];
                o[10] = Id(r.Blob2Id);
                for (int k = 0; k < 7; k++) o[11 + k] = r.Blob2[k];
                o[18] = r.Distance;
            }
        });
    });

    /// <summary>
    /// <c>int coloc_result_summary(int64_t result, char **text)</c>: the per-pair summary (<see cref="MatchTable.Summary"/>:
    /// header line, then pair, matches, blobs_a, blobs_b, pct_a, pct_b and the CLI's line, tab-separated).
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "coloc_result_summary")]
    public static int Summary(long result, byte** text) => CGuard.Run(() =>
    {
        if (text == null) throw new ArgumentException("text: null output pointer");
        *text = CGuard.Utf8(MatchTable.Summary(MatchResults.Get(result).Summary));
    });

    /// <summary>
    /// <c>int coloc_result_write(int64_t result, const char *folder)</c>: writes exactly the files <c>coloc match --out
    /// folder</c> writes (one <c>matches_c&lt;a&gt;_c&lt;b&gt;.csv</c> per pair and <c>summary.json</c>, all-or-nothing,
    /// <see cref="ResultWriter"/>).
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "coloc_result_write")]
    public static int Write(long result, byte* folder) => CGuard.Run(() =>
    {
        var r = MatchResults.Get(result);
        string dir = CGuard.Text(folder, "folder");
        if (dir.Trim().Length == 0) throw new ArgumentException("folder: empty");
        ResultWriter.Write(new ResultTarget { Folder = dir, Threads = r.Request.Threads }, new ResultContent(r.Matches, r.Summary) { Request = r.Request });
    });

    /// <summary><c>int coloc_result_free(int64_t result)</c>: releases a result (an unknown handle is an error, nothing else happens).</summary>
    [UnmanagedCallersOnly(EntryPoint = "coloc_result_free")]
    public static int Free(long result) => CGuard.Run(() =>
    {
        if (!MatchResults.Remove(result)) throw new ArgumentException($"result: unknown or released handle {result}");
    });

    private static double Id(long? id) => id is long v ? v : double.NaN;
}
