using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Coloc.Benchmarks;

/// <summary>
/// Benchmark configurations: <see cref="Default"/> (memory diagnoser) and <see cref="Short"/> (1 launch, 3 warm-ups,
/// 3 iterations). Both allow <see cref="BuildTimeout"/> for BenchmarkDotNet's generated project: it rebuilds Core, IO
/// and IO.Hdf5 without the shared compiler, which took more than the default 2 minutes on the shared 2-core VM
/// (ImageBlockReadBench: "The configured timeout 00:02:00 was reached", so nothing ran).
/// </summary>
public static class BenchConfig
{
    /// <summary>Longest build of the generated benchmark project: 15 minutes.</summary>
    public static TimeSpan BuildTimeout { get; } = TimeSpan.FromMinutes(15);

    public static IConfig Default { get; } = ManualConfig.Create(DefaultConfig.Instance)
        .WithBuildTimeout(BuildTimeout)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5));

    public static IConfig Short { get; } = ManualConfig.Create(DefaultConfig.Instance)
        .WithBuildTimeout(BuildTimeout)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddJob(Job.ShortRun);
}
