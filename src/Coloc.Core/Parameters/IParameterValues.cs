namespace Coloc.Core.Parameters;

/// <summary>The values a front received (a parsed command line, a macro option string), as text.</summary>
public interface IParameterValues
{
    /// <summary>The value given for <paramref name="parameter"/>, or its default on this front, or null when neither.</summary>
    string? Text(ParameterSpec parameter);

    /// <summary>Every value given for a repeatable parameter (empty when none).</summary>
    IReadOnlyList<string> Texts(ParameterSpec parameter);

    /// <summary>Whether the user gave <paramref name="parameter"/> (defaults do not count).</summary>
    bool Given(ParameterSpec parameter);

    /// <summary>Number of the first channel on this front: 0 on the command line, 1 in Fiji.</summary>
    int ChannelBase { get; }
}
