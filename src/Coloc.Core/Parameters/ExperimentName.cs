namespace Coloc.Core.Parameters;

/// <summary>The default experiment name in a results database, one rule for every front.</summary>
public static class ExperimentName
{
    /// <summary>The rule in words (help texts and README).</summary>
    public const string Rule = "the primary input's name without extension (the image where there is one, else the blob file)";

    /// <summary>
    /// The default experiment name for a primary input called <paramref name="inputName"/> (a path or an image title):
    /// its last path segment without its last extension (<c>/data/brain1.tif</c> → <c>brain1</c>; a name starting
    /// with its only dot is kept whole).
    /// </summary>
    public static string Of(string inputName)
    {
        ArgumentNullException.ThrowIfNull(inputName);
        int slash = inputName.LastIndexOfAny(['/', '\\']);
        string name = inputName[(slash + 1)..];
        int dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }
}
