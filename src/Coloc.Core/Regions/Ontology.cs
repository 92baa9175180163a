namespace Coloc.Core.Regions;

/// <summary>
/// An atlas ontology: regions by id, their tree and levels. Built by the format readers (Coloc.IO) from a list of
/// regions; looks up names and the subtree of a region (a region plus all its descendants, as MagellanMapper's
/// <c>make_label_ids_set</c> with a level).
/// </summary>
public sealed class Ontology
{
    private readonly Dictionary<long, OntologyRegion> _byId = [];
    private readonly Dictionary<long, List<long>> _children = [];

    /// <summary>Wraps <paramref name="regions"/>.</summary>
    /// <exception cref="ArgumentException">Two regions share an id.</exception>
    public Ontology(IEnumerable<OntologyRegion> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        foreach (var r in regions)
        {
            if (!_byId.TryAdd(r.Id, r)) throw new ArgumentException($"region id {r.Id} appears twice");
            if (r.ParentId is long p)
            {
                if (!_children.TryGetValue(p, out var list)) _children[p] = list = [];
                list.Add(r.Id);
            }
        }
    }

    /// <summary>Number of regions.</summary>
    public int Count => _byId.Count;

    /// <summary>All regions, ascending id.</summary>
    public IEnumerable<OntologyRegion> Regions => _byId.Values.OrderBy(r => r.Id);

    /// <summary>The region of <paramref name="id"/> or of its mirror <c>|id|</c>, or null.</summary>
    public OntologyRegion? Find(long id) =>
        _byId.TryGetValue(id, out var r) || (id < 0 && _byId.TryGetValue(-id, out r)) ? r : null;

    /// <summary>
    /// The ids of <paramref name="id"/>'s subtree (itself and every descendant), each with its mirror <c>−id</c>
    /// (both hemispheres, as MagellanMapper's level table).
    /// </summary>
    public HashSet<long> Subtree(long id)
    {
        var set = new HashSet<long>();
        var stack = new Stack<long>();
        stack.Push(id);
        while (stack.Count > 0)
        {
            long v = stack.Pop();
            if (!set.Add(v)) continue;
            set.Add(-v);
            if (_children.TryGetValue(v, out var kids))
                foreach (var k in kids) stack.Push(k);
        }
        return set;
    }
}
