using System.Security.Cryptography;
using System.Text.Json;
using Coloc.Core.Geometry;
using Coloc.IO.Files;

namespace Coloc.IO.Plan;

/// <summary>
/// <c>PLAN_DIR/plan.json</c> (format <c>coloc-plan</c>, version 1): <c>{"format", "version", "hash", "block_count",
/// "suggested_tasks", "parameters": {...}}</c>. <c>hash</c> is the lower-case hex SHA-256 of the UTF-8 bytes of the
/// <c>parameters</c> object written compactly with its properties in the fixed order below; reading recomputes it, so
/// an edited plan is refused rather than silently mixed with results made under the old one.
/// </summary>
public static class PlanFile
{
    /// <summary>The format name.</summary>
    public const string Format = "coloc-plan";

    /// <summary>The format version written and read.</summary>
    public const int Version = 1;

    /// <summary>The plan file's name inside the plan folder.</summary>
    public const string FileName = "plan.json";

    /// <summary>The plan hash (64 lower-case hex digits) of <paramref name="spec"/>.</summary>
    public static string Hash(PlanSpec spec) => Convert.ToHexStringLower(SHA256.HashData(Canonical(spec)));

    /// <summary>Writes <c>plan.json</c> into <paramref name="planDir"/> (created if missing) atomically and creates its <c>blocks</c> folder.</summary>
    /// <exception cref="ColocFormatException">The folder cannot be written.</exception>
    public static void Write(string planDir, PlanSpec spec, int suggestedTasks)
    {
        ArgumentNullException.ThrowIfNull(planDir);
        ArgumentNullException.ThrowIfNull(spec);
        try
        {
            Directory.CreateDirectory(planDir);
            Directory.CreateDirectory(BlockResultFile.Folder(planDir));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ColocFormatException($"{planDir}: cannot create the plan folder: {e.Message}", e);
        }
        AtomicFile.Write(Path.Combine(planDir, FileName), s =>
        {
            using var w = new Utf8JsonWriter(s, new JsonWriterOptions { Indented = true, NewLine = "\n" });
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("version", Version);
            w.WriteString("hash", Hash(spec));
            w.WriteNumber("block_count", spec.Grid.Count);
            w.WriteNumber("suggested_tasks", suggestedTasks);
            w.WritePropertyName("parameters");
            WriteParameters(w, spec);
            w.WriteEndObject();
        });
    }

    /// <summary>Reads and checks <c>plan.json</c> of <paramref name="planDir"/>.</summary>
    /// <exception cref="ColocFormatException">The file is missing, malformed, of another version, or its hash does not match its parameters.</exception>
    public static (PlanSpec Spec, string Hash) Read(string planDir)
    {
        ArgumentNullException.ThrowIfNull(planDir);
        string path = Path.Combine(planDir, FileName);
        if (!File.Exists(path)) throw new ColocFormatException($"{path}: plan not found (make one with 'coloc plan')");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var f) || f.GetString() != Format)
                throw new ColocFormatException($"{path}: not a Coloc plan (format '{Format}' expected)");
            int version = root.GetProperty("version").GetInt32();
            if (version != Version) throw new ColocFormatException($"{path}: plan format version {version} is not supported (this Coloc reads version {Version})");
            var spec = ReadParameters(root.GetProperty("parameters"));
            _ = spec.Grid; // validates shape, core and halo
            if (spec.ChannelCount < 1) throw new FormatException($"channel_count must be >= 1, got {spec.ChannelCount}");
            string stored = root.GetProperty("hash").GetString() ?? "";
            string actual = Hash(spec);
            if (stored != actual) throw new ColocFormatException($"{path}: hash {stored} does not match the parameters ({actual}); the plan was edited — make a new plan");
            return (spec, actual);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new ColocFormatException($"{path}: malformed plan: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new ColocFormatException($"{path}: cannot read: {e.Message}", e);
        }
    }

    private static byte[] Canonical(PlanSpec spec)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms)) WriteParameters(w, spec);
        return ms.ToArray();
    }

    private static void WriteParameters(Utf8JsonWriter w, PlanSpec p)
    {
        w.WriteStartObject();
        w.WriteString("image_path", p.ImagePath);
        w.WriteNumber("image_bytes", p.ImageBytes);
        w.WriteString("image_modified_utc", p.ImageModifiedUtc);
        Ints(w, "shape_voxels", p.ShapeVoxels);
        w.WriteNumber("channel_count", p.ChannelCount);
        Doubles(w, "resolution_um", p.ResolutionUm);
        Ints(w, "core_voxels", p.CoreVoxels);
        Ints(w, "halo_voxels", p.HaloVoxels);
        w.WriteString("profile", p.Profile);
        w.WriteStartArray("profile_settings");
        foreach (var s in p.ProfileSettings) w.WriteStringValue(s);
        w.WriteEndArray();
        if (p.TolVoxels is { } t) Doubles(w, "tol_voxels", t); else w.WriteNull("tol_voxels");
        if (p.TolUm is { } u) Doubles(w, "tol_um", u); else w.WriteNull("tol_um");
        if (p.MatchChannels is { } mc)
        {
            w.WriteStartArray("match_channels");
            foreach (int c in mc) w.WriteNumberValue(c);
            w.WriteEndArray();
        }
        else w.WriteNull("match_channels");
        w.WriteEndObject();
    }

    private static PlanSpec ReadParameters(JsonElement e) => new()
    {
        ImagePath = e.GetProperty("image_path").GetString() ?? throw new FormatException("image_path is null"),
        ImageBytes = e.GetProperty("image_bytes").GetInt64(),
        ImageModifiedUtc = e.GetProperty("image_modified_utc").GetString() ?? throw new FormatException("image_modified_utc is null"),
        ShapeVoxels = ReadInts(e.GetProperty("shape_voxels")),
        ChannelCount = e.GetProperty("channel_count").GetInt32(),
        ResolutionUm = ReadDoubles(e.GetProperty("resolution_um")),
        CoreVoxels = ReadInts(e.GetProperty("core_voxels")),
        HaloVoxels = ReadInts(e.GetProperty("halo_voxels")),
        Profile = e.GetProperty("profile").GetString() ?? throw new FormatException("profile is null"),
        ProfileSettings = e.GetProperty("profile_settings").EnumerateArray().Select(x => x.GetString() ?? throw new FormatException("profile setting is null")).ToArray(),
        TolVoxels = e.GetProperty("tol_voxels") is { ValueKind: not JsonValueKind.Null } t ? ReadDoubles(t) : null,
        TolUm = e.GetProperty("tol_um") is { ValueKind: not JsonValueKind.Null } u ? ReadDoubles(u) : null,
        MatchChannels = e.GetProperty("match_channels") is { ValueKind: not JsonValueKind.Null } mc
            ? mc.EnumerateArray().Select(x => x.GetInt32()).ToArray() : null,
    };

    private static void Ints(Utf8JsonWriter w, string name, ZyxInt v)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(v.Z); w.WriteNumberValue(v.Y); w.WriteNumberValue(v.X);
        w.WriteEndArray();
    }

    private static void Doubles(Utf8JsonWriter w, string name, Zyx v)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(v.Z); w.WriteNumberValue(v.Y); w.WriteNumberValue(v.X);
        w.WriteEndArray();
    }

    private static ZyxInt ReadInts(JsonElement e)
    {
        var a = e.EnumerateArray().Select(x => x.GetInt32()).ToArray();
        return a.Length == 3 ? new ZyxInt(a[0], a[1], a[2]) : throw new FormatException("expected three integers z,y,x");
    }

    private static Zyx ReadDoubles(JsonElement e)
    {
        var a = e.EnumerateArray().Select(x => x.GetDouble()).ToArray();
        return a.Length == 3 ? new Zyx(a[0], a[1], a[2]) : throw new FormatException("expected three numbers z,y,x");
    }
}
