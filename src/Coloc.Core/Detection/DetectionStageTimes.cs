using System.Diagnostics;
using System.Globalization;

namespace Coloc.Core.Detection;

/// <summary>
/// Time per stage of <see cref="LogRegionDetector"/>, summed over planes, for profiling: plane loading (pixel
/// conversion or isotropic zoom), the z pass of all scales, the y+x passes of all scales and the peak search. Stages run
/// one after the other on the calling thread (each internally parallel); each is recorded as wall time and as the
/// process's CPU time (the fairer figure on a loaded machine).
/// </summary>
internal sealed class DetectionStageTimes
{
    private static readonly string[] Names = ["load", "z pass (all scales)", "y+x passes (all scales)", "peaks"];
    private readonly TimeSpan[] _wall = new TimeSpan[Names.Length], _cpu = new TimeSpan[Names.Length];
    private readonly Process _process = Process.GetCurrentProcess();

    /// <summary>Stage numbers: 0 load, 1 z pass, 2 y+x passes, 3 peaks.</summary>
    public const int Load = 0, ZPass = 1, YxPass = 2, Peaks = 3;

    /// <summary>A mark to pass to <see cref="Add"/> when the stage ends: wall timestamp and process CPU time now.</summary>
    public (long Wall, TimeSpan Cpu) Mark()
    {
        _process.Refresh();
        return (Stopwatch.GetTimestamp(), _process.TotalProcessorTime);
    }

    /// <summary>Runs <paramref name="run"/> and adds its time to stage <paramref name="stage"/>; <paramref name="times"/> null: only runs it.</summary>
    public static void Timed(DetectionStageTimes? times, int stage, Action run)
    {
        if (times is null)
        {
            run();
            return;
        }
        var start = times.Mark();
        run();
        times.Add(stage, start);
    }

    /// <summary>Adds the time since <paramref name="start"/> to stage <paramref name="stage"/>.</summary>
    public void Add(int stage, (long Wall, TimeSpan Cpu) start)
    {
        var now = Mark();
        _wall[stage] += Stopwatch.GetElapsedTime(start.Wall, now.Wall);
        _cpu[stage] += now.Cpu - start.Cpu;
    }

    /// <summary>One line per stage: wall and CPU seconds.</summary>
    public override string ToString() => string.Join("\n", Names.Select((n, i) =>
        string.Create(CultureInfo.InvariantCulture, $"{n}: {_wall[i].TotalSeconds:0.000} s wall, {_cpu[i].TotalSeconds:0.000} s CPU")));
}
