using Coloc.Core.Pipeline;
using CsCheck;
using Coloc.IO.Plan;

namespace Coloc.IO.Tests.Plan;

public class ShardsTests
{
    [Fact]
    public void Of_TenBlocksThreeShards_SplitsContiguously()
    {
        Assert.Equal(new Range(0, 3), Shards.Of(0, 3, 10));
        Assert.Equal(new Range(3, 6), Shards.Of(1, 3, 10));
        Assert.Equal(new Range(6, 10), Shards.Of(2, 3, 10));
    }

    [Fact]
    public void Of_AnyBlockAndShardCount_ShardsAreDisjointCoveringAndBalanced()
    {
        Gen.Select(Gen.Int[0, 3000], Gen.Int[1, 1200]).Sample((n, t) =>
        {
            var owner = new int[n];
            Array.Fill(owner, -1);
            int min = int.MaxValue, max = 0;
            for (int s = 0; s < t; s++)
            {
                var r = Shards.Of(s, t, n);
                int len = r.End.Value - r.Start.Value;
                min = Math.Min(min, len); max = Math.Max(max, len);
                for (int i = r.Start.Value; i < r.End.Value; i++)
                {
                    if (owner[i] != -1) return false; // disjoint
                    owner[i] = s;
                }
            }
            return owner.All(o => o >= 0) && max - min <= 1 &&
                   Enumerable.Range(0, n).All(i => Shards.ShardOf(i, t, n) == owner[i]);
        }, iter: 2000);
    }

    [Fact]
    public void Of_ShardOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Shards.Of(3, 3, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Shards.Of(0, 0, 10));
    }

    [Theory]
    [InlineData(30000, 60.0, 1000)] // a 1 TB channel at 1 min per block: capped at 1000 tasks (30 min each)
    [InlineData(100, 60.0, 10)]     // 100 min of work: ten 10-minute tasks
    [InlineData(12, 0.5, 1)]        // tiny: one task
    public void SuggestedTasks_KnownCases_TasksOfTenMinutesAtMostThousand(int blocks, double secondsPerBlock, int expected) =>
        Assert.Equal(expected, Shards.SuggestedTasks(blocks, secondsPerBlock));
}
