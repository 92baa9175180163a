using System.Globalization;
using Coloc.Core.Geometry;

namespace Coloc.Core.Parameters;

/// <summary>
/// Parsing of parameter values given as text, the same on every front; every failure is a
/// <see cref="ParameterException"/> naming the declaration. Vectors are always <c>z,y,x</c>.
/// </summary>
public static class ParameterText
{
    /// <summary>Three finite numbers <c>z,y,x</c>.</summary>
    public static Zyx Vector(ParameterSpec p, string text)
    {
        var v = Numbers(p, text);
        if (v.Length != 3) throw new ParameterException(p, $"expected three numbers z,y,x, got '{text}'");
        return new Zyx(v[0], v[1], v[2]);
    }

    /// <summary>Three numbers <c>z,y,x</c>, each &gt; 0.</summary>
    public static Zyx PositiveVector(ParameterSpec p, string text)
    {
        var v = Vector(p, text);
        if (v.Min <= 0) throw new ParameterException(p, $"values must be > 0, got '{text}'");
        return v;
    }

    /// <summary>Three numbers <c>z,y,x</c>, each ≥ 0.</summary>
    public static Zyx NonNegativeVector(ParameterSpec p, string text)
    {
        var v = Vector(p, text);
        if (v.Min < 0) throw new ParameterException(p, $"values must be >= 0, got '{text}'");
        return v;
    }

    /// <summary>Three whole numbers <c>z,y,x</c>, each ≥ 1.</summary>
    public static ZyxInt PositiveShape(ParameterSpec p, string text)
    {
        var v = PositiveVector(p, text);
        if (!Whole(v) || v.Max > int.MaxValue) throw new ParameterException(p, $"values must be whole numbers, got '{text}'");
        return new ZyxInt((int)v.Z, (int)v.Y, (int)v.X);
    }

    /// <summary>Three whole numbers <c>z,y,x</c>, each in [0, <paramref name="max"/>].</summary>
    public static ZyxInt NonNegativeShape(ParameterSpec p, string text, int max = 100_000)
    {
        var v = Vector(p, text);
        if (v.Min < 0 || !Whole(v) || v.Max > max) throw new ParameterException(p, $"expected whole numbers >= 0, got '{text}'");
        return new ZyxInt((int)v.Z, (int)v.Y, (int)v.X);
    }

    /// <summary>
    /// Distinct channel numbers counted from <paramref name="channelBase"/> (0 on the command line, 1 in Fiji),
    /// returned 0-based.
    /// </summary>
    public static int[] Channels(ParameterSpec p, string text, int channelBase)
    {
        var v = Numbers(p, text);
        if (v.Length == 0 || text.Trim().Length == 0) throw new ParameterException(p, $"expected channel numbers such as {channelBase},{channelBase + 1}");
        foreach (var c in v)
            if (c < channelBase || c != Math.Floor(c) || c > 1_000_000)
                throw new ParameterException(p, $"{channelBase}-based whole numbers >= {channelBase} expected, got '{text}'");
        var r = v.Select(c => (int)c - channelBase).ToArray();
        if (r.Distinct().Count() != r.Length) throw new ParameterException(p, $"a channel repeats in '{text}'");
        return r;
    }

    /// <summary>A whole number ≥ <see cref="ParameterSpec.Minimum"/>.</summary>
    public static int Integer(ParameterSpec p, string text)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n))
            throw new ParameterException(p, $"'{text}' is not a whole number");
        if (p.Minimum is { } min && n < min) throw new ParameterException(p, $"must be >= {min}, got {n}");
        if (p.Maximum is { } max && n > max) throw new ParameterException(p, $"must be <= {max}, got {n}");
        return n;
    }

    /// <summary>One of <see cref="ParameterSpec.Choices"/>.</summary>
    public static string Choice(ParameterSpec p, string text) =>
        p.Choices.Contains(text) ? text : throw new ParameterException(p, $"'{text}' is not one of {string.Join("|", p.Choices)}");

    private static bool Whole(Zyx v) => v.Z == Math.Floor(v.Z) && v.Y == Math.Floor(v.Y) && v.X == Math.Floor(v.X);

    private static double[] Numbers(ParameterSpec p, string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var r = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out r[i]) || !double.IsFinite(r[i]))
                throw new ParameterException(p, $"'{parts[i]}' is not a finite number (in '{text}')");
        return r;
    }
}
