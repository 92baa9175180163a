namespace Coloc.IO.Labels;

/// <summary>
/// The element type of a raw labels volume (MetaImage, NIfTI): integer or not, signed or not, bytes per element.
/// </summary>
/// <param name="Integer">False for float types, which labels cannot be.</param>
/// <param name="Signed">Two's complement (ignored for floats).</param>
/// <param name="Bytes">1, 2, 4 or 8.</param>
/// <param name="Text">The format's own name of the type, for messages (e.g. <c>MET_FLOAT</c>).</param>
public readonly record struct LabelElement(bool Integer, bool Signed, int Bytes, string Text)
{
    /// <summary>An integer type of <paramref name="bytes"/> bytes.</summary>
    public static LabelElement Int(bool signed, int bytes, string text) => new(true, signed, bytes, text);

    /// <summary>A float type (refused as labels).</summary>
    public static LabelElement Float(int bytes, string text) => new(false, true, bytes, text);
}
