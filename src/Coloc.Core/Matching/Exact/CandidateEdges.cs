namespace Coloc.Core.Matching.Exact;

/// <summary>
/// The admissible pairs of one channel pair as parallel arrays: side-A point, side-B point and the quantized cost
/// <see cref="CostScale.Quantize"/> of their scaled distance.
/// </summary>
internal sealed class CandidateEdges(int[] a, int[] b, long[] cost)
{
    public int[] A { get; } = a;
    public int[] B { get; } = b;
    public long[] Cost { get; } = cost;
    public int Count => A.Length;
}
