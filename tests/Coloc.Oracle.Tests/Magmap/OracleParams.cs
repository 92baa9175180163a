using System.Text.Json;

namespace Coloc.Oracle.Tests.Magmap;

/// <summary>Reads vectors and lists from an oracle <c>params.json</c>.</summary>
internal sealed class OracleParams(JsonElement root)
{
    public static OracleParams Load(string caseDir) =>
        new(JsonDocument.Parse(File.ReadAllText(Path.Combine(caseDir, "params.json"))).RootElement);

    public JsonElement Root { get; } = root;

    public double[]? Vector(string name) =>
        Root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(e => e.GetDouble()).ToArray()
            : null;

    public string? Text(string name) =>
        Root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A vector as the CLI takes it, <c>a,b,c</c>, invariant culture, optionally reversed (x,y,z → z,y,x).</summary>
    public static string Arg(double[] v, bool reverse = false) =>
        string.Join(",", (reverse ? v.Reverse() : v).Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
}
