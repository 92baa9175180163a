namespace Coloc.Native.Options;

/// <summary>
/// One option of a plugin command: the macro key, the dialog widget, its default, unit and help. Declared once here;
/// the Java dialog builds its fields from <see cref="CommandSpecs.Serialize"/> and the native side parses the same keys.
/// </summary>
/// <param name="Key">Macro key (lower case, no spaces), e.g. <c>tolerance</c>.</param>
/// <param name="Kind">Widget and value kind.</param>
/// <param name="Default">Default value as text; empty means "not set".</param>
/// <param name="Unit">Unit shown beside the field (may be empty).</param>
/// <param name="Help">One-line help.</param>
/// <param name="Choices">Allowed values of a <see cref="ParameterKind.Choice"/>; empty otherwise.</param>
public sealed record ParameterSpec(string Key, ParameterKind Kind, string Default, string Unit, string Help, IReadOnlyList<string> Choices)
{
    /// <summary>A parameter that is not a choice.</summary>
    public static ParameterSpec Of(string key, ParameterKind kind, string @default, string unit, string help) =>
        new(key, kind, @default, unit, help, []);
}
