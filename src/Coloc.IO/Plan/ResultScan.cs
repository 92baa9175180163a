using Coloc.Core.Pipeline;

namespace Coloc.IO.Plan;

/// <summary>Which block results of a plan are present and valid, and which are missing (<c>coloc status</c>, <c>coloc merge</c>).</summary>
/// <param name="BlockCount">Blocks in the plan, N.</param>
/// <param name="Missing">Indices without a valid result, ascending.</param>
/// <param name="Problems">One line per present-but-unusable file (damaged, another plan), ascending block.</param>
public sealed record ResultScan(int BlockCount, int[] Missing, string[] Problems)
{
    /// <summary>True when every block has a valid result.</summary>
    public bool Complete => Missing.Length == 0;

    /// <summary>Scans the result folder of the plan at <paramref name="planDir"/> with hash <paramref name="planHash"/>.</summary>
    public static ResultScan Of(string planDir, string planHash, int blockCount)
    {
        var missing = new List<int>();
        var problems = new List<string>();
        for (int i = 0; i < blockCount; i++)
        {
            if (BlockResultFile.TryRead(planDir, planHash, i, out var problem) is not null) continue;
            missing.Add(i);
            if (problem is not null) problems.Add(problem);
        }
        return new ResultScan(blockCount, missing.ToArray(), problems.ToArray());
    }

    /// <summary>The missing blocks as a range list (<c>3,7-9</c>).</summary>
    public string MissingRanges => IndexRanges.Format(Missing);

    /// <summary>The array tasks (of <paramref name="taskCount"/>, numbered from <paramref name="indexBase"/>) that hold a missing block, as a range list.</summary>
    public string MissingTaskRanges(int taskCount, int indexBase = 0) =>
        IndexRanges.Format(Missing.Select(b => Shards.ShardOf(b, taskCount, BlockCount) + indexBase).Distinct());
}
