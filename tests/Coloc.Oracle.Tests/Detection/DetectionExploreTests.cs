using Xunit.Abstractions;
using Coloc.Core.Detection;

namespace Coloc.Oracle.Tests.Detection;

public class DetectionExploreTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(DetectionCase.Names), MemberType = typeof(DetectionCase))]
    public void Explore(string name)
    {
        var cs = DetectionCase.Load(name);
        var res = BlobDetector.DetectChannels(cs.Image(), cs.Options, blocks: false);
        foreach (var r in res)
        {
            var diag = cs.Diag(r.Channel);
            output.WriteLine($"{name} c{r.Channel}: ours {r.Peaks.Count} peaks, {r.Blobs.Length} blobs; diag {diag.Rows.Length}");
            for (int i = 0; i < r.Peaks.Count; i++)
                output.WriteLine($"  ours {r.Peaks[i]} kept={r.Kept[i]}");
            for (int i = 0; i < diag.Rows.Length; i++)
                output.WriteLine($"  diag {string.Join(",", diag.Rows[i])}");
        }
    }
}
