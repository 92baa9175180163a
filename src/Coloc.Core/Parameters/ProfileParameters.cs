using Coloc.Core.Profiles;

namespace Coloc.Core.Parameters;

/// <summary>Resolves <see cref="SharedParameters.Profile"/> and <see cref="SharedParameters.ProfileSet"/>, naming whichever is wrong.</summary>
public static class ProfileParameters
{
    /// <summary>The profiles <paramref name="names"/> (comma-separated, on top of default) with <paramref name="settings"/> applied.</summary>
    /// <exception cref="ParameterException">An unknown profile or a bad setting.</exception>
    public static RoiProfile Resolve(string names, IEnumerable<string> settings)
    {
        RoiProfile p;
        try
        {
            p = RoiProfiles.Resolve(names);
        }
        catch (ArgumentException e) when (e is not ParameterException)
        {
            throw new ParameterException(SharedParameters.Profile, e.Message.Split(" (Parameter")[0]);
        }
        try
        {
            return RoiProfileOverrides.Apply(p, settings);
        }
        catch (ArgumentException e) when (e is not ParameterException)
        {
            throw new ParameterException(SharedParameters.ProfileSet, e.Message);
        }
    }

    /// <summary>The profile <paramref name="values"/> give (default: <c>default</c>).</summary>
    public static RoiProfile Of(IParameterValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Resolve(values.Get(SharedParameters.Profile) ?? "default", values.Texts(SharedParameters.ProfileSet));
    }
}
