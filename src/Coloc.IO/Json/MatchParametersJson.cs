using System.Reflection;
using System.Text.Json;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;

namespace Coloc.IO.Json;

/// <summary>
/// The <c>parameters</c> section of <c>summary.json</c> (an addition within format version 1): every parameter of the
/// match request that produced the tables, so a methods section can be written from the file alone. Written from the
/// <see cref="MatchRequest"/> by one function for every front (<c>coloc match</c> and Fiji's Match Blobs), so the same
/// request gives the same bytes. Vectors are z,y,x; channels 0-based as in MagellanMapper's files (Fiji shows them
/// 1-based). Keys: <c>coloc_version</c>, <c>axes</c>, <c>channel_numbering</c>, <c>mode</c>, <c>profile</c>,
/// <c>resolution_um</c>, <c>shape_voxels</c> or <c>roi_offset_voxels</c>/<c>roi_size_voxels</c>,
/// <c>tolerance_source</c> (<c>profile</c>, <c>voxels</c> or <c>um</c>), <c>tolerance_voxels</c>, <c>tolerance_um</c>
/// (the tolerance actually used, both units), <c>inner_padding_voxels</c> (null = floor(tolerance)), <c>channels</c>
/// (null = every channel with blobs). Threads and block size are left out: they never change the result.
/// </summary>
public static class MatchParametersJson
{
    /// <summary>The Coloc version written (<c>Version</c> of the build, without the source revision).</summary>
    public static string ColocVersion { get; } =
        (typeof(MatchParametersJson).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown")
        .Split('+')[0];

    /// <summary>Writes <c>"parameters": {...}</c> for <paramref name="request"/>.</summary>
    public static void Write(Utf8JsonWriter w, MatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(request);
        w.WriteStartObject("parameters");
        w.WriteString("coloc_version", ColocVersion);
        w.WriteString("axes", "z,y,x");
        w.WriteString("channel_numbering", "0-based");
        w.WriteString("mode", request.Mode.ToString().ToLowerInvariant());
        w.WriteString("profile", request.Profile.Name);
        Vector(w, "resolution_um", request.ResolutionUm);
        if (request.Roi is { } roi)
        {
            Vector(w, "roi_offset_voxels", roi.Offset);
            Vector(w, "roi_size_voxels", roi.Size);
        }
        else if (request.ShapeVoxels is { } s)
        {
            Vector(w, "shape_voxels", new Zyx(s.Z, s.Y, s.X));
        }
        w.WriteString("tolerance_source", request.TolVoxels is not null ? "voxels" : request.TolUm is not null ? "um" : "profile");
        Vector(w, "tolerance_voxels", request.EffectiveTolVoxels());
        Vector(w, "tolerance_um", request.EffectiveTolUm());
        if (request.InnerPaddingVoxels is { } pad) Vector(w, "inner_padding_voxels", pad);
        else w.WriteNull("inner_padding_voxels");
        if (request.Channels is { } channels)
        {
            w.WriteStartArray("channels");
            foreach (int c in channels.Order()) w.WriteNumberValue(c);
            w.WriteEndArray();
        }
        else
        {
            w.WriteNull("channels");
        }
        w.WriteEndObject();
    }

    private static void Vector(Utf8JsonWriter w, string name, Zyx v)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(v.Z);
        w.WriteNumberValue(v.Y);
        w.WriteNumberValue(v.X);
        w.WriteEndArray();
    }
}
