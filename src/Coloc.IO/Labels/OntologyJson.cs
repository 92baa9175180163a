using System.Text.Json;
using Coloc.Core.Regions;

namespace Coloc.IO.Labels;

/// <summary>
/// Reads an atlas ontology JSON in either of the layouts users have:
/// <list type="bullet">
/// <item>Allen / MagellanMapper: a tree of nodes with <c>id</c>, <c>name</c>, <c>acronym</c>, <c>st_level</c>
/// (optional), <c>parent_structure_id</c> (optional) and nested <c>children</c>; the root is the file itself, its
/// <c>msg</c> array (the Allen API answer MagellanMapper reads), or a top-level array of roots;</item>
/// <item>brainglobe <c>structures.json</c>: a flat array of <c>id</c>, <c>name</c>, <c>acronym</c>,
/// <c>structure_id_path</c> (root first; the parent is the second last entry, the level its length − 1).</item>
/// </list>
/// The level is <c>st_level</c> when given, else the depth in the tree (root 0).
/// </summary>
public static class OntologyJson
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="ColocFormatException">One line naming the file and the problem.</exception>
    public static Ontology Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var doc = JsonDocument.Parse(fs, new JsonDocumentOptions { MaxDepth = 256 });
            return Parse(doc.RootElement, path);
        }
        catch (JsonException e)
        {
            throw new ColocFormatException($"{path}: ontology is not valid JSON ({e.Message.Split('\n')[0]})", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ColocFormatException($"{path}: cannot read ({e.Message})", e);
        }
    }

    /// <summary>Builds the ontology from a parsed document.</summary>
    public static Ontology Parse(JsonElement root, string name)
    {
        var regions = new List<OntologyRegion>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("msg", out var msg)) root = msg;
        if (root.ValueKind == JsonValueKind.Array)
        {
            bool flat = root.GetArrayLength() > 0 && root[0].ValueKind == JsonValueKind.Object && root[0].TryGetProperty("structure_id_path", out _);
            foreach (var e in root.EnumerateArray())
                if (flat) regions.Add(Flat(e, name));
                else Tree(e, null, 0, regions, name);
        }
        else if (root.ValueKind == JsonValueKind.Object) Tree(root, null, 0, regions, name);
        else throw new ColocFormatException($"{name}: an ontology must be a JSON object or array");
        if (regions.Count == 0) throw new ColocFormatException($"{name}: the ontology has no regions");
        try
        {
            return new Ontology(regions);
        }
        catch (ArgumentException e)
        {
            throw new ColocFormatException($"{name}: {e.Message}", e);
        }
    }

    private static void Tree(JsonElement e, long? parent, int depth, List<OntologyRegion> into, string name)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new ColocFormatException($"{name}: an ontology node must be a JSON object");
        if (depth > 200) throw new ColocFormatException($"{name}: ontology deeper than 200 levels");
        long id = Id(e, name);
        int level = e.TryGetProperty("st_level", out var sl) && sl.ValueKind == JsonValueKind.Number && sl.TryGetInt32(out int l) ? l : depth;
        long? p = e.TryGetProperty("parent_structure_id", out var ps) && ps.ValueKind == JsonValueKind.Number ? ps.GetInt64() : parent;
        into.Add(new OntologyRegion(id, p, Text(e, "name"), Text(e, "acronym"), level));
        if (e.TryGetProperty("children", out var kids))
        {
            if (kids.ValueKind != JsonValueKind.Array) throw new ColocFormatException($"{name}: 'children' of region {id} is not an array");
            foreach (var k in kids.EnumerateArray()) Tree(k, id, depth + 1, into, name);
        }
    }

    private static OntologyRegion Flat(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new ColocFormatException($"{name}: an ontology entry must be a JSON object");
        long id = Id(e, name);
        if (!e.TryGetProperty("structure_id_path", out var path) || path.ValueKind != JsonValueKind.Array)
            throw new ColocFormatException($"{name}: region {id} has no structure_id_path array");
        var ids = new List<long>();
        foreach (var v in path.EnumerateArray())
        {
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out long x))
                throw new ColocFormatException($"{name}: structure_id_path of region {id} holds a non-integer");
            ids.Add(x);
        }
        if (ids.Count == 0 || ids[^1] != id) throw new ColocFormatException($"{name}: structure_id_path of region {id} does not end at {id}");
        return new OntologyRegion(id, ids.Count > 1 ? ids[^2] : null, Text(e, "name"), Text(e, "acronym"), ids.Count - 1);
    }

    private static long Id(JsonElement e, string name) =>
        e.TryGetProperty("id", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long id)
            ? id : throw new ColocFormatException($"{name}: an ontology region lacks an integer 'id'");

    private static string Text(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
}
