using Coloc.Core.Geometry;

namespace Coloc.Core.Parameters;

/// <summary>Typed reads of <see cref="IParameterValues"/>: null when the parameter is not set (no value, no default).</summary>
public static class ParameterValuesExtensions
{
    /// <summary>The text, or null when not set or empty.</summary>
    public static string? Get(this IParameterValues v, ParameterSpec p) => v.Text(p) is { Length: > 0 } s ? s : null;

    /// <summary>A vector with every value &gt; 0, or null.</summary>
    public static Zyx? PositiveVector(this IParameterValues v, ParameterSpec p) => v.Get(p) is { } s ? ParameterText.PositiveVector(p, s) : null;

    /// <summary>A vector with every value ≥ 0, or null.</summary>
    public static Zyx? NonNegativeVector(this IParameterValues v, ParameterSpec p) => v.Get(p) is { } s ? ParameterText.NonNegativeVector(p, s) : null;

    /// <summary>A vector, or null.</summary>
    public static Zyx? Vector(this IParameterValues v, ParameterSpec p) => v.Get(p) is { } s ? ParameterText.Vector(p, s) : null;

    /// <summary>Whole numbers ≥ 1, or null.</summary>
    public static ZyxInt? PositiveShape(this IParameterValues v, ParameterSpec p) => v.Get(p) is { } s ? ParameterText.PositiveShape(p, s) : null;

    /// <summary>0-based channels, or null.</summary>
    public static int[]? Channels(this IParameterValues v, ParameterSpec p) => v.Get(p) is { } s ? ParameterText.Channels(p, s, v.ChannelBase) : null;

    /// <summary>A whole number, or <paramref name="fallback"/> when not set.</summary>
    public static int Integer(this IParameterValues v, ParameterSpec p, int fallback) => v.Get(p) is { } s ? ParameterText.Integer(p, s) : fallback;

    /// <summary>The chosen value (the default when not set).</summary>
    public static string Choice(this IParameterValues v, ParameterSpec p) => ParameterText.Choice(p, v.Get(p) ?? p.Default ?? "");
}
