namespace Coloc.Core.Exact;

/// <summary>Receives the sorted positions a <see cref="CandidateGrid"/> query visits.</summary>
internal interface IGridVisitor
{
    /// <summary>Called once per sorted position in the query window.</summary>
    void Visit(int sortedPosition);
}
