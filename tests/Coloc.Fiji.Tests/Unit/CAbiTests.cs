using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using Coloc.Core.Blobs;
using Coloc.Core.Matching;
using Coloc.Core.Parameters;
using Coloc.IO.Csv;
using Coloc.Native.CAbi;
using Coloc.TestKit;

namespace Coloc.Fiji.Tests.Unit;

/// <summary>
/// The C ABI entry points (<c>coloc_*</c>, src/Coloc.Native/CAbi) called as a C caller calls them, through their
/// unmanaged function pointers: statuses, the per-thread message, handles, row layout, strided blobs, the control block
/// (cancel flag, progress callback) and <c>coloc_regions</c>.
/// </summary>
public sealed unsafe class CAbiTests
{
    private const int Ok = (int)CStatus.Ok, BadInput = (int)CStatus.BadInput;

    private static byte[] Z(string s) => Encoding.UTF8.GetBytes(s + "\0");

    private static string LastError()
    {
        var f = (delegate* unmanaged<byte*, int, int>)&BasicExports.LastError;
        int n = f(null, 0);
        var buf = new byte[n + 1];
        fixed (byte* p = buf) Assert.Equal(n, f(p, buf.Length));
        return Encoding.UTF8.GetString(buf, 0, n);
    }

    private static string Take(byte* text)
    {
        string s = Marshal.PtrToStringUTF8((IntPtr)text) ?? "";
        ((delegate* unmanaged<void*, void>)&BasicExports.Free)(text);
        return s;
    }

    private static int Match(double[] values, long rows, long cols, long rowStride, long colStride, string options, void* control, long* handle)
    {
        var o = Z(options);
        fixed (double* p = values)
        fixed (byte* op = o)
            return ((delegate* unmanaged<double*, long, long, long, long, byte*, void*, long*, int>)&MatchExports.Match)(
                p, rows, cols, rowStride, colStride, op, control, handle);
    }

    private static int Free(long handle) => ((delegate* unmanaged<long, int>)&MatchExports.Free)(handle);

    private static int Regions(double[]? values, string options, byte** report)
    {
        var o = Z(options);
        long rows = values is null ? 0 : values.Length / 7;
        fixed (double* p = values)
        fixed (byte* op = o)
            return ((delegate* unmanaged<double*, long, long, long, long, byte*, void*, byte**, int>)&RegionExports.Regions)(
                values is null ? null : p, rows, 7, 7, 1, op, null, report);
    }

    /// <summary>2 × <paramref name="n"/> blobs, channels 0 and 1, integer coordinates in a 40³ stack.</summary>
    private static Blob[] RandomBlobs(int n, int seed = 7)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, 2 * n).Select(i => new Blob(rng.Next(40), rng.Next(40), rng.Next(40), 2, -1, -1, i < n ? 0 : 1)).ToArray();
    }

    private static double[] Flat(Blob[] b) => MemoryMarshal.Cast<Blob, double>(b.AsSpan()).ToArray();

    [Fact]
    public void Version_is_1_and_the_listing_comes_from_the_declarations()
    {
        Assert.Equal(1, ((delegate* unmanaged<int>)&BasicExports.AbiVersion)());
        var f = (delegate* unmanaged<byte*, byte**, int>)&BasicExports.Parameters;
        foreach (var (command, count, flag) in new[] { ("match", CommandOptions.Match.Count, "--tol\t"), ("regions", RegionParameters.All.Count, "--labels\t") })
        {
            byte* listing;
            fixed (byte* c = Z(command)) Assert.Equal(Ok, f(c, &listing));
            string text = Take(listing);
            Assert.Equal(count, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Contains("\n" + flag, "\n" + text);
        }
        byte* none = null;
        fixed (byte* c = Z("segment")) Assert.Equal(BadInput, f(c, &none));
        Assert.True(none == null);
        Assert.Equal("unknown command 'segment' (known: match, detect, intensity, regions)", LastError());
    }

    [Fact]
    public void Match_rows_equal_the_engine_and_a_handle_is_released_once()
    {
        var blobs = RandomBlobs(300);
        const string Options = "--shape\t40,40,40\n--tol\t3,3,3";
        long h = 0;
        Assert.Equal(Ok, Match(Flat(blobs), blobs.Length, 7, 7, 1, Options, null, &h));
        Assert.True(h > 0);
        Assert.Equal("", LastError());
        var want = MatchEngine.Run(blobs, MatchParameters.Request(new FlagValues(Options, CommandOptions.Match)))[new ChannelPair(0, 1)]!;
        Assert.True(want.Count > 20);

        int count = 0;
        var triples = new int[3];
        fixed (int* t = triples) Assert.Equal(Ok, ((delegate* unmanaged<long, int*, int, int*, int>)&MatchExports.Pairs)(h, t, 1, &count));
        Assert.Equal(1, count);
        Assert.Equal(new[] { 0, 1, want.Count }, triples);

        var rows = new double[want.Count * MatchExports.RowValues];
        var readRows = (delegate* unmanaged<long, int, double*, long, int>)&MatchExports.Rows;
        fixed (double* o = rows)
        {
            Assert.Equal(BadInput, readRows(h, 0, o, want.Count + 1));
            Assert.Equal($"rows: {want.Count + 1}, the pair has {want.Count}", LastError());
            Assert.Equal(BadInput, readRows(h, 1, o, want.Count));
            Assert.Equal(Ok, readRows(h, 0, o, want.Count));
        }
        for (int i = 0; i < want.Count; i++)
        {
            var r = want.Rows[i];
            var got = rows.AsSpan(i * MatchExports.RowValues, MatchExports.RowValues);
            Assert.True(double.IsNaN(got[0]) && double.IsNaN(got[1]) && double.IsNaN(got[2]) && double.IsNaN(got[10]));
            for (int k = 0; k < 7; k++)
            {
                Assert.Equal(r.Blob1[k], got[3 + k]);
                Assert.Equal(r.Blob2[k], got[11 + k]);
            }
            Assert.Equal(r.Distance, got[18]);
        }

        Assert.Equal(Ok, Free(h));
        Assert.Equal(BadInput, Free(h));
        Assert.Equal($"result: unknown or released handle {h}", LastError());
    }

    [Fact]
    public void Every_memory_layout_reads_the_same_blobs()
    {
        var blobs = RandomBlobs(50);
        int n = blobs.Length;
        var c = Flat(blobs);
        var wide = new double[n * 9];
        var fortran = new double[n * 7];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < 7; k++)
            {
                wide[i * 9 + 1 + k] = c[i * 7 + k];
                fortran[k * n + i] = c[i * 7 + k];
            }
        fixed (double* pc = c)
        fixed (double* pw = wide)
        fixed (double* pf = fortran)
        {
            Assert.Equal(blobs, StridedBlobs.Read(pc, n, 7, 7, 1));
            Assert.Equal(blobs, StridedBlobs.Read(pw + 1, n, 8, 9, 1));
            Assert.Equal(blobs, StridedBlobs.Read(pf, n, 7, 1, n));
            Assert.Equal(blobs.Reverse(), StridedBlobs.Read(pc + (n - 1) * 7, n, 7, -7, 1));
            Assert.Empty(StridedBlobs.Read(null, 0, 7, 7, 1));
        }
    }

    [Theory]
    [InlineData("--shape\t40,40,40\n--tol\t0,3,3", -1, 0, "--tol: values must be > 0, got '0,3,3'")]
    [InlineData("--shape\t40,40,40\n--bogus\t1", -1, 0, "options: unknown option '--bogus'")]
    [InlineData("--shape\t40,40,40\n--mode\tfast", -1, 0, "--mode")]
    [InlineData("--shape\t40,40,40", 3, double.NaN, "blobs: blob 3 column x is NaN, must be finite")]
    [InlineData("--shape\t40,40,40", 6, 1.5, "blobs: blob 6 channel is 1.5, must be a whole number >= 0")]
    [InlineData("--shape\t40,40,40", 9, double.PositiveInfinity, "blobs: blob 9 column channel is ")]
    public void Bad_input_returns_bad_input_with_the_message_and_no_handle(string options, int row, double value, string message)
    {
        var values = Flat(RandomBlobs(10));
        if (row >= 0) values[row * 7 + (double.IsNaN(value) ? 2 : 6)] = value;
        long h = 0;
        Assert.Equal(BadInput, Match(values, values.Length / 7, 7, 7, 1, options, null, &h));
        Assert.Equal(0, h);
        Assert.StartsWith(message, LastError());
    }

    [Fact]
    public void Null_pointers_and_short_rows_are_refused()
    {
        var values = Flat(RandomBlobs(10));
        Assert.Equal(BadInput, Match(values, 20, 7, 7, 1, "--shape\t40,40,40", null, null));
        Assert.Equal("result: null output pointer", LastError());
        long h = 0;
        Assert.Equal(BadInput, Match(values, 20, 6, 6, 1, "--shape\t40,40,40", null, &h));
        Assert.StartsWith("blobs: 6 columns, expected at least 7", LastError());
        Assert.Equal(BadInput, ((delegate* unmanaged<double*, long, long, long, long, byte*, void*, long*, int>)&MatchExports.Match)(null, 20, 7, 7, 1, null, null, &h));
        Assert.Equal("options: null", LastError());
    }

    private static readonly ConcurrentDictionary<long, ConcurrentQueue<double>> Seen = new();

    [UnmanagedCallersOnly]
    private static void OnProgress(double fraction, void* user) => Seen[(long)user].Enqueue(fraction);

    [Fact]
    public void Control_block_cancels_and_reports_progress_through_the_callback()
    {
        var blobs = Flat(RandomBlobs(300));
        var control = (byte*)NativeMemory.AllocZeroed(CControl.Size);
        try
        {
            long h = 0;
            *(int*)control = 1;
            Assert.Equal((int)CStatus.Cancelled, Match(blobs, blobs.Length / 7, 7, 7, 1, "--shape\t40,40,40", control, &h));
            Assert.Equal(0, h);

            *(int*)control = 0;
            long key = Environment.TickCount64 ^ (long)control;
            Seen[key] = new ConcurrentQueue<double>();
            *(delegate* unmanaged<double, void*, void>*)(control + 16) = &OnProgress;
            *(void**)(control + 24) = (void*)key;
            Assert.Equal(Ok, Match(blobs, blobs.Length / 7, 7, 7, 1, "--shape\t40,40,40", control, &h));
            Assert.Equal(1.0, *(double*)(control + 8));
            var seen = Seen[key].ToArray();
            Assert.True(seen.Length >= 2 && seen[^1] == 1.0 && seen.All(f => f is >= 0 and <= 1), string.Join(",", seen));
            Assert.Equal(Ok, Free(h));
        }
        finally
        {
            NativeMemory.Free(control);
        }
    }

    [Fact]
    public void Regions_from_a_file_and_from_an_array_write_the_same_files()
    {
        string dir = RepoPaths.NewTempDir();
        string r01 = RepoPaths.Case("R01_iso_quarter_boundary_2ch");
        string blobPath = Path.Combine(r01, "blobs.csv");
        var blobs = Flat(BlobCsv.Read(blobPath));
        long h = 0;
        Assert.Equal(Ok, Match(blobs, blobs.Length / 7, 7, 7, 1, "--shape\t160,240,240\n--mode\tmagmap", null, &h));
        string m = Path.Combine(dir, "m");
        fixed (byte* folder = Z(m)) Assert.Equal(Ok, ((delegate* unmanaged<long, byte*, int>)&MatchExports.Write)(h, folder));
        Assert.Equal(Ok, Free(h));

        string Options(string outDir) =>
            $"--matches\t{m}\n--labels\t{Path.Combine(r01, "labels.npy")}\n--image-shape\t160,240,240\n--permutations\t9\n--out\t{outDir}";
        byte* report;
        Assert.Equal(Ok, Regions(null, $"--blobs\t{blobPath}\n" + Options(Path.Combine(dir, "file")), &report));
        Assert.StartsWith("wrote regions.csv (", Take(report));
        Assert.Equal(Ok, Regions(blobs, Options(Path.Combine(dir, "array")), &report));
        Assert.EndsWith($"heat map(s) and summary.json to {Path.Combine(dir, "array")}", Take(report));
        foreach (var f in new[] { "regions.csv", "heat_c0.tif", "heat_c1.tif", "heat_match_c0_c1.tif" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "file", f)), File.ReadAllBytes(Path.Combine(dir, "array", f)));
        Assert.Contains($"\"{RegionExports.ArrayName}\"", File.ReadAllText(Path.Combine(dir, "array", "summary.json")));
        Assert.DoesNotContain(blobPath, File.ReadAllText(Path.Combine(dir, "array", "summary.json")));

        Assert.Equal(BadInput, Regions(blobs, Options(Path.Combine(dir, "x")).Replace("--image-shape\t160,240,240\n", ""), &report));
        Assert.StartsWith("--image-shape:", LastError());
        Assert.Equal(BadInput, Regions(null, Options(Path.Combine(dir, "y")), &report));
        Assert.Equal("--blobs: is required", LastError());
        Assert.Equal(BadInput, Regions(blobs, Options(Path.Combine(dir, "z")), null));
        Assert.Equal("report: null output pointer", LastError());
        Assert.False(Directory.Exists(Path.Combine(dir, "x")) || Directory.Exists(Path.Combine(dir, "y")) || Directory.Exists(Path.Combine(dir, "z")));
    }
}
