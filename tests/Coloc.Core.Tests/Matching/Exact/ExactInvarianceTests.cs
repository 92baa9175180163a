using Coloc.Core.Blobs;
using Coloc.Core.Matching.Exact;
using Coloc.Core.Geometry;

namespace Coloc.Core.Tests.Matching.Exact;

/// <summary>Block size and thread count never change the result (dense random stacks with shared components).</summary>
public sealed class ExactInvarianceTests
{
    public static TheoryData<int> Seeds() => new(1, 2, 3);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Exact_BlockSizesAndThreads_IdenticalRows(int seed)
    {
        var rnd = new Random(seed);
        var blobs = new Blob[6000];
        for (int i = 0; i < blobs.Length; i++)
            blobs[i] = new Blob(rnd.Next(0, 40), rnd.Next(0, 150), rnd.Next(0, 150), 1 + rnd.Next(3), -1, -1, rnd.Next(3));
        var tol = new Zyx(3, 3, 2);
        string reference = Text(blobs, tol, 1, null);
        Assert.NotEmpty(reference);
        foreach (var block in new ZyxInt?[] { null, new ZyxInt(64, 64, 64), new ZyxInt(17, 31, 29), new ZyxInt(1, 1, 1) })
            foreach (int threads in new[] { 1, 2 })
                Assert.Equal(reference, Text(blobs, tol, threads, block));
    }

    private static string Text(Blob[] blobs, Zyx tol, int threads, ZyxInt? block)
    {
        var set = ExactColocalizer.Colocalize(blobs, new ExactMatchOptions { TolVoxels = tol, Threads = threads, BlockSizeVoxels = block });
        return string.Join("\n#\n", set.Pairs.Select(p => p.Key + "\n" + ExactColocalizerPropertyTests.Text(p.Value)))
            + "\n" + string.Join(";", set.MultiPositive!.Select(m => $"{m.Channel}:{string.Join(",", m.MatchedIn)}={m.Blobs}"));
    }
}
