namespace Coloc.Core.Matching.Exact;

/// <summary>
/// The connected components of the bipartite candidate graph (nodes: side-A points 0..nA−1, side-B points
/// nA..nA+nB−1; isolated points dropped), with each component's nodes and edges stored contiguously.
/// </summary>
internal sealed class ComponentSet
{
    public ComponentSet(int nA, int nB, CandidateEdges edges)
    {
        var sets = new DisjointSets(nA + nB);
        for (int e = 0; e < edges.Count; e++) sets.Union(edges.A[e], nA + edges.B[e]);

        // Component id by first appearance of a root among the edges' A ends (deterministic for a given edge list).
        var idOfRoot = new int[nA + nB];
        Array.Fill(idOfRoot, -1);
        int count = 0;
        var compOfEdge = new int[edges.Count];
        for (int e = 0; e < edges.Count; e++)
        {
            int r = sets.Find(edges.A[e]);
            if (idOfRoot[r] < 0) idOfRoot[r] = count++;
            compOfEdge[e] = idOfRoot[r];
        }
        Count = count;
        EdgeStart = new int[count + 1];
        foreach (int c in compOfEdge) EdgeStart[c + 1]++;
        for (int c = 0; c < count; c++) EdgeStart[c + 1] += EdgeStart[c];
        var fill = EdgeStart[..^1].ToArray();
        Edges = new int[edges.Count];
        for (int e = 0; e < edges.Count; e++) Edges[fill[compOfEdge[e]]++] = e;

        NodeStart = new int[count + 1];
        var compOfNode = new int[nA + nB];
        for (int v = 0; v < nA + nB; v++)
        {
            int r = sets.Find(v);
            compOfNode[v] = idOfRoot[r];
            if (idOfRoot[r] >= 0) NodeStart[idOfRoot[r] + 1]++;
        }
        for (int c = 0; c < count; c++) NodeStart[c + 1] += NodeStart[c];
        fill = NodeStart[..^1].ToArray();
        Nodes = new int[NodeStart[count]];
        for (int v = 0; v < nA + nB; v++)
            if (compOfNode[v] >= 0) Nodes[fill[compOfNode[v]]++] = v;
    }

    /// <summary>Number of components (with at least one edge).</summary>
    public int Count { get; }

    /// <summary>Start of each component's nodes in <see cref="Nodes"/> (A nodes first, ascending, then B nodes offset by nA).</summary>
    public int[] NodeStart { get; }

    /// <summary>Node ids grouped by component.</summary>
    public int[] Nodes { get; }

    /// <summary>Start of each component's edges in <see cref="Edges"/>.</summary>
    public int[] EdgeStart { get; }

    /// <summary>Edge indices (into the <see cref="CandidateEdges"/>) grouped by component.</summary>
    public int[] Edges { get; }
}
