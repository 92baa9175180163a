using System.Diagnostics;
using System.Globalization;
using Coloc.Core.Matching;
using Coloc.Core.Geometry;
using Coloc.IO.Csv;
using Coloc.IO.Files;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.Benchmarks;

/// <summary>
/// Helper commands of the benchmark program (not BenchmarkDotNet):
/// <c>gen-bench-blobs --n N [--shape Z,Y,X] [--jitter J] [--seed S] --out FILE</c> writes <see cref="BenchBlobs"/> as a
/// blob CSV (shape default: <see cref="BenchBlobs.ShapeFor"/>); <c>time-exact --blobs FILE --shape Z,Y,X [--threads T]</c>
/// times one exact match of a CSV inside the process (read and match separately);
/// <c>time-blob-read [--formats npz,npz-deflated,trackmate,csv] [--runs N]</c> reads 10^6 blobs in each format
/// (<see cref="BlobFormatFiles"/>) and prints the best time and MB/s.
/// <c>make-region-labels --shape Z,Y,X --grid NZ,NY,NX --out FILE.tif</c> writes a 16-bit labels TIFF of NZ·NY·NX box
/// regions (ids 1 … NZ·NY·NX, z-major) for the <c>coloc regions</c> benchmark (README, performance table).
/// <c>time-detect --image FILE.tif [--threads T] [--mode exact|fast] ...</c>: <see cref="DetectStageTiming"/>.
/// </summary>
public static class BenchTool
{
    /// <summary>Runs a helper command; returns false when <paramref name="args"/> names none.</summary>
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0) return false;
        var opt = new Dictionary<string, string>();
        for (int i = 1; i + 1 < args.Length; i += 2) opt[args[i]] = args[i + 1];
        switch (args[0])
        {
            case "gen-bench-blobs":
                {
                    long n = long.Parse(opt["--n"], CultureInfo.InvariantCulture);
                    var shape = opt.TryGetValue("--shape", out var s) ? Shape(s) : BenchBlobs.ShapeFor(n);
                    int jitter = opt.TryGetValue("--jitter", out var j) ? int.Parse(j, CultureInfo.InvariantCulture) : 4;
                    int seed = opt.TryGetValue("--seed", out var sd) ? int.Parse(sd, CultureInfo.InvariantCulture) : BenchBlobs.DefaultSeed;
                    // Streamed chunk by chunk (10^8 per channel does not fit in memory), staged then renamed.
                    AtomicFile.WriteText(opt["--out"], w =>
                    {
                        w.Write(BlobCsv.Header);
                        w.Write('\n');
                        foreach (var chunk in BenchBlobs.Stream(n, shape, jitter, seed)) BlobCsv.WriteRows(w, chunk);
                    });
                    Console.WriteLine($"wrote {2L * n} blobs ({n} per channel, shape {shape}, jitter {jitter}, seed {seed}) to {opt["--out"]}");
                    return true;
                }
            case "time-exact":
                {
                    var sw = Stopwatch.StartNew();
                    var blobs = BlobCsv.Read(opt["--blobs"]);
                    double read = sw.Elapsed.TotalSeconds;
                    var request = new MatchRequest
                    {
                        ShapeVoxels = Shape(opt["--shape"]),
                        Threads = opt.TryGetValue("--threads", out var t) ? int.Parse(t, CultureInfo.InvariantCulture) : Environment.ProcessorCount,
                    };
                    sw.Restart();
                    var set = MatchEngine.Run(blobs, request);
                    double match = sw.Elapsed.TotalSeconds;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"read {blobs.Length} blobs in {read:0.000} s; exact match {match:0.000} s; pairs {string.Join(" ", set.Pairs.Select(p => p.Key + ":" + p.Value.Count))}"));
                    return true;
                }
            case "time-blob-read":
                {
                    // time-blob-read [--formats npz,npz-deflated,trackmate,csv] [--runs 3]: best of N reads, MB/s.
                    var formats = (opt.TryGetValue("--formats", out var f) ? f : "npz,npz-deflated,trackmate,csv").Split(',');
                    int runs = opt.TryGetValue("--runs", out var rs) ? int.Parse(rs, CultureInfo.InvariantCulture) : 3;
                    foreach (var format in formats)
                    {
                        string path = BlobFormatFiles.Get(format);
                        double mb = new FileInfo(path).Length / 1e6;
                        foreach (bool keep in new[] { true, false })
                        {
                            double best = double.MaxValue;
                            int n = 0;
                            for (int r = 0; r < runs; r++)
                            {
                                var sw = Stopwatch.StartNew();
                                n = Coloc.IO.Blobs.BlobFormats.Read(path, new Coloc.IO.Blobs.BlobReadOptions { KeepFeatures = keep, Threads = 2 }).Blobs.Length;
                                best = Math.Min(best, sw.Elapsed.TotalSeconds);
                            }
                            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                                $"{format,-13} features {(keep ? "kept" : "dropped"),-7} {n} blobs, {mb:0.0} MB: best of {runs} {best:0.000} s = {mb / best:0} MB/s, {n / best / 1e6:0.00} M blobs/s"));
                        }
                    }
                    return true;
                }
            case "time-detect":
                DetectStageTiming.Run(opt["--image"], opt.TryGetValue("--threads", out var dt) ? int.Parse(dt, CultureInfo.InvariantCulture) : Environment.ProcessorCount,
                    opt.GetValueOrDefault("--peaks"), opt.TryGetValue("--threshold", out var th) ? double.Parse(th, CultureInfo.InvariantCulture) : null,
                    opt.GetValueOrDefault("--mode") == "fast" ? Coloc.Core.Detection.DetectionMode.Fast : Coloc.Core.Detection.DetectionMode.Exact);
                return true;
            case "make-region-labels":
                {
                    var shape = Shape(opt["--shape"]);
                    var grid = Shape(opt["--grid"]);
                    int Part(int index, int n, int parts) => (int)((long)index * parts / n);
                    TiffStackWriter.Write<ushort>(opt["--out"], shape, 1, 1, (_, z, _, dst) =>
                    {
                        int gz = Part(z, shape.Z, grid.Z);
                        for (int y = 0; y < shape.Y; y++)
                            for (int x = 0; x < shape.X; x++)
                                dst[y * shape.X + x] = (ushort)(1 + (gz * grid.Y + Part(y, shape.Y, grid.Y)) * grid.X + Part(x, shape.X, grid.X));
                    });
                    Console.WriteLine($"wrote {grid.Z * grid.Y * grid.X} box regions on {shape} to {opt["--out"]}");
                    return true;
                }
            default:
                return false;
        }
    }

    private static ZyxInt Shape(string s)
    {
        var v = s.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        return new ZyxInt(v[0], v[1], v[2]);
    }
}
