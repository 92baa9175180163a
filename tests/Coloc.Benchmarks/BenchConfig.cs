using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Coloc.Benchmarks;

/// <summary>Benchmark configurations: <see cref="Default"/> (memory diagnoser) and <see cref="Short"/> (1 launch, 3 warm-ups, 3 iterations).</summary>
public static class BenchConfig
{
    public static IConfig Default { get; } = DefaultConfig.Instance
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5));

    public static IConfig Short { get; } = DefaultConfig.Instance
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddJob(Job.ShortRun);
}
