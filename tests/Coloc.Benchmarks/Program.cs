using BenchmarkDotNet.Running;

namespace Coloc.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tests/Coloc.Benchmarks -- --filter '*'</c>; helper commands
/// (<c>gen-bench-blobs</c>, <c>time-exact</c>) are described in <see cref="BenchTool"/>.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (BenchTool.TryRun(args)) return;
        if (args.Length == 5 && args[0] == "make-intensity-data")
        {
            IntensityBenchData.Make(args);
            return;
        }
        if (args.Length == 2 && args[0] == "--write-detect-volume")
        {
            DetectVolumeFile.Write(args[1]);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Default);
    }
}
