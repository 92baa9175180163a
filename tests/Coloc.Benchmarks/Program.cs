using BenchmarkDotNet.Running;

namespace Coloc.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project tests/Coloc.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "--write-detect-volume")
        {
            DetectVolumeFile.Write(args[1]);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Default);
    }
}
