using System.Globalization;
using Coloc.Core.Geometry;
using Coloc.Core.Profiles;

namespace Coloc.Cli;

/// <summary>Parsing of command-line values: vectors are always <c>Z,Y,X</c>.</summary>
public static class CliValues
{
    /// <summary>Parses <c>Z,Y,X</c> as doubles; <paramref name="flag"/> names the option in errors.</summary>
    public static Zyx Vector(string text, string flag)
    {
        var v = Numbers(text, flag);
        if (v.Length != 3) throw new UsageException($"{flag}: expected three numbers Z,Y,X, got '{text}'");
        var r = new Zyx(v[0], v[1], v[2]);
        if (!r.IsFinite) throw new UsageException($"{flag}: values must be finite, got '{text}'");
        return r;
    }

    /// <summary>Parses <c>Z,Y,X</c> as doubles that must all be &gt; 0.</summary>
    public static Zyx PositiveVector(string text, string flag)
    {
        var v = Vector(text, flag);
        if (v.Min <= 0) throw new UsageException($"{flag}: values must be > 0, got '{text}'");
        return v;
    }

    /// <summary>Parses <c>Z,Y,X</c> as whole numbers ≥ 1.</summary>
    public static ZyxInt PositiveShape(string text, string flag)
    {
        var v = PositiveVector(text, flag);
        if (v.Z != Math.Floor(v.Z) || v.Y != Math.Floor(v.Y) || v.X != Math.Floor(v.X) || v.Max > int.MaxValue)
            throw new UsageException($"{flag}: values must be whole numbers, got '{text}'");
        return new ZyxInt((int)v.Z, (int)v.Y, (int)v.X);
    }

    /// <summary>Parses a comma-separated list of channels (0-based, distinct, ≥ 0).</summary>
    public static int[] Channels(string text, string flag)
    {
        var v = Numbers(text, flag);
        if (v.Length == 0) throw new UsageException($"{flag}: expected channel numbers such as 0,1");
        foreach (var c in v)
            if (c < 0 || c != Math.Floor(c) || c > 1_000_000)
                throw new UsageException($"{flag}: channels are whole numbers >= 0, got '{text}'");
        var r = v.Select(c => (int)c).ToArray();
        if (r.Distinct().Count() != r.Length) throw new UsageException($"{flag}: a channel repeats in '{text}'");
        return r;
    }

    /// <summary>
    /// Resolves <c>--profile</c> (comma-separated names on top of default) and <c>--profile-set KEY=VALUE</c> settings;
    /// errors name the flag.
    /// </summary>
    public static RoiProfile Profile(string names, IEnumerable<string> settings)
    {
        RoiProfile p;
        try
        {
            p = RoiProfiles.Resolve(names);
        }
        catch (ArgumentException e)
        {
            throw new UsageException("--profile: " + e.Message.Split(" (Parameter")[0]);
        }
        try
        {
            return RoiProfileOverrides.Apply(p, settings);
        }
        catch (ArgumentException e)
        {
            throw new UsageException("--profile-set: " + e.Message);
        }
    }

    private static double[] Numbers(string text, string flag)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var r = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out r[i]))
                throw new UsageException($"{flag}: '{parts[i]}' is not a number (in '{text}')");
        return r;
    }
}
