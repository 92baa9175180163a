using System.Runtime.InteropServices;
using Coloc.Core.Matching;
using Coloc.Core.Image;
using Coloc.IO.Csv;
using Coloc.IO.Results;
using Coloc.Native.Jni;
using Coloc.Native.Options;
using Coloc.Native.Pixels;
using Coloc.Native.Results;

namespace Coloc.Native.Exports;

/// <summary>
/// The JNI entry points of <c>coloc.ij.ColocNative</c> (ABI <see cref="NativeAbi.Version"/>). Each one runs under
/// <see cref="ExportGuard"/>: a failure becomes a Java exception with a one-line message and the export returns null;
/// no .NET exception ever crosses into the JVM and no worker thread ever calls Java.
/// </summary>
public static unsafe class ColocExports
{
    /// <summary><c>static native int abiVersion()</c>: <see cref="NativeAbi.Version"/>.</summary>
    [UnmanagedCallersOnly(EntryPoint = NativeAbi.Prefix + "abiVersion")]
    public static int AbiVersion(IntPtr env, IntPtr cls) => NativeAbi.Version;

    /// <summary><c>static native String parameterSpec(String command)</c>: <see cref="CommandSpecs.Serialize"/> of the command.</summary>
    [UnmanagedCallersOnly(EntryPoint = NativeAbi.Prefix + "parameterSpec")]
    public static IntPtr ParameterSpec(IntPtr env, IntPtr cls, IntPtr command) => ExportGuard.Run(env, e =>
    {
        var name = e.GetString(command) ?? throw JavaException.Argument("command: null");
        return e.NewString(CommandSpecs.Serialize(CommandSpecs.Of(name)));
    }, IntPtr.Zero);

    /// <summary><c>static native double[] readBlobs(String path)</c>: a blob CSV as 7 doubles per blob (see <see cref="BlobArrays"/>).</summary>
    [UnmanagedCallersOnly(EntryPoint = NativeAbi.Prefix + "readBlobs")]
    public static IntPtr ReadBlobs(IntPtr env, IntPtr cls, IntPtr path) => ExportGuard.Run(env, e =>
    {
        var p = e.GetString(path) ?? throw JavaException.Argument("blobs: path is null");
        if (p.Trim().Length == 0) throw JavaException.Argument("blobs: no blob file given (blobs=[path])");
        return e.NewDoubleArray(BlobArrays.Flatten(BlobCsv.Read(p)));
    }, IntPtr.Zero);

    /// <summary>
    /// <c>static native double[] matchBlobs(double[] blobs, int[] shapeZyx, double[] resolutionUm, String options,
    /// ByteBuffer control, String[] summaryOut)</c>: runs <see cref="MatchEngine.Run"/> on the blobs (7 per blob) for an
    /// image of that shape and voxel size, with the options of <see cref="CommandSpecs.Match"/>; adds the matches to the
    /// SQLite database when <c>database</c> is set and writes the CSV folder when <c>output</c> is set, both through
    /// <see cref="ResultWriter"/> (all-or-nothing; the CSVs carry the database ids as <c>coloc match --db</c> writes them).
    /// Returns <see cref="MatchTable.Flatten"/>; <c>summaryOut[0]</c> (if given) receives
    /// <see cref="MatchTable.Summary"/> and <c>summaryOut[1]</c> (if the array is that long) <see cref="MatchParametersText.Line"/>;
    /// summary.json records the request's parameters, and with an empty <c>blobs</c> option (the caller detected them)
    /// the folder also gets <c>blobs.csv</c>. <c>control</c> is an optional <see cref="ControlBlock"/> buffer.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = NativeAbi.Prefix + "matchBlobs")]
    public static IntPtr MatchBlobs(IntPtr env, IntPtr cls, IntPtr blobs, IntPtr shapeZyx, IntPtr resolutionUm,
        IntPtr options, IntPtr control, IntPtr summaryOut) => ExportGuard.Run(env, e =>
    {
        var ctl = ControlBlock.From(e, control);
        if (summaryOut != IntPtr.Zero && e.ArrayLength(summaryOut) < 1) throw JavaException.Argument("summaryOut: needs length >= 1");
        var input = BlobArrays.Read(e, blobs);
        var job = MatchJob.Parse(e.GetString(options),
            shapeZyx == IntPtr.Zero ? null : e.GetInts(shapeZyx),
            resolutionUm == IntPtr.Zero ? null : e.GetDoubles(resolutionUm));
        ctl.Report(0.05);
        if (ctl.CancelRequested) throw new OperationCanceledException();
        MatchSet matches;
        using (var watch = ctl.Watch())
            matches = MatchEngine.Run(input, job.Request, watch.Token);
        ctl.Report(0.9);
        var summary = MatchSummary.Of(job.Request.Mode.ToString().ToLowerInvariant(), matches, input);
        if (job.DatabasePath is not null || job.OutputFolder is not null)
            matches = ResultWriter.Write(
                new ResultTarget { Folder = job.OutputFolder, DatabasePath = job.DatabasePath, Experiment = job.DatabasePath is null ? null : job.Experiment, Threads = job.Request.Threads },
                new ResultContent(matches, summary) { Request = job.Request, Blobs = job.BlobsDetected ? input : null });
        var table = e.NewDoubleArray(MatchTable.Flatten(matches, input));
        if (summaryOut != IntPtr.Zero)
        {
            e.SetObjectArrayElement(summaryOut, 0, e.NewString(MatchTable.Summary(summary)));
            if (e.ArrayLength(summaryOut) >= 2) e.SetObjectArrayElement(summaryOut, 1, e.NewString(MatchParametersText.Line(job.Request)));
        }
        ctl.Report(1);
        return table;
    }, IntPtr.Zero);

    /// <summary>
    /// <c>static native double[] channelStatistics(Object[] planes, int[] shapeCzyx, ByteBuffer control)</c>: per channel
    /// <c>min, max, mean, count, nanCount</c> of one hyperstack frame (planes in ImageJ order z·C + c), read in place;
    /// one more value at the end: bytes the JVM copied instead of pinning (0 = zero-copy).
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = NativeAbi.Prefix + "channelStatistics")]
    public static IntPtr ChannelStatistics(IntPtr env, IntPtr cls, IntPtr planes, IntPtr shapeCzyx, IntPtr control) => ExportGuard.Run(env, e =>
    {
        var ctl = ControlBlock.From(e, control);
        var img = JavaPlanes.From(e, planes, shapeCzyx == IntPtr.Zero ? null : e.GetInts(shapeCzyx));
        var r = new double[img.Channels * 5 + 1];
        long done = 0, total = (long)img.Channels * img.Shape.Z;
        for (int c = 0; c < img.Channels; c++)
        {
            var s = new IntensityStatistics();
            void Step()
            {
                ctl.Report(++done / (double)total);
                if (ctl.CancelRequested) throw new OperationCanceledException();
            }
            switch (img.Type)
            {
                case PixelType.UInt8: img.ForEachPlane<byte>(c, (_, _, p) => { s.Add(p); Step(); }); break;
                case PixelType.UInt16: img.ForEachPlane<ushort>(c, (_, _, p) => { s.Add(p); Step(); }); break;
                default: img.ForEachPlane<float>(c, (_, _, p) => { s.Add(p); Step(); }); break;
            }
            (r[c * 5], r[c * 5 + 1], r[c * 5 + 2], r[c * 5 + 3], r[c * 5 + 4]) = (s.Min, s.Max, s.Mean, s.Count, s.NaNCount);
        }
        r[^1] = img.BytesCopied;
        return e.NewDoubleArray(r);
    }, IntPtr.Zero);
}
