using Coloc.Core.Regions;
using Coloc.IO.Regions;

namespace Coloc.Cli;

/// <summary>
/// The PNG plots <c>coloc regions</c> and <c>coloc run --labels</c> write per pair with significance:
/// <c>enrichment_c&lt;a&gt;_c&lt;b&gt;.png</c> and, with L(r) curves, <c>l_c&lt;a&gt;_c&lt;b&gt;.png</c>. None in the
/// NativeAOT <c>coloc</c> (built without <c>COLOC_PLOTS</c>, so SkiaSharp stays out of it).
/// </summary>
internal static class RegionPlotFiles
{
    /// <summary>The plots of <paramref name="run"/>'s result, for <see cref="RegionRun.Execute"/>.</summary>
    public static Func<RegionResult, IReadOnlyList<(string Name, Action<Stream> Write)>> For(RegionRun run) => result =>
    {
        var files = new List<(string, Action<Stream>)>();
#if COLOC_PLOTS
        if (run.Request.Permutations == 0) return files;
        for (int k = 0; k < result.Pairs.Length; k++)
        {
            var (pair, stats, curves) = (result.Pairs[k], result.Statistics[k], result.LCurves[k]);
            files.Add(($"enrichment_c{pair.A}_c{pair.B}.png", s => s.Write(Coloc.Plots.RegionPlots.Enrichment(
                result.Rows, stats, run.ShortName, $"Matches c{pair.A}-c{pair.B} per region: enrichment and 95 % interval"))));
            if (curves is not null)
                files.Add(($"l_c{pair.A}_c{pair.B}.png", s => s.Write(Coloc.Plots.RegionPlots.LFunction(result.Rows, stats, curves, run.ShortName))));
        }
#else
        _ = (run, result);
#endif
        return files;
    };
}
