namespace Coloc.Core.Parameters;

/// <summary>What a parameter's value is; fronts pick the parsing and the widget from it.</summary>
public enum ParameterKind
{
    /// <summary>A file to read.</summary>
    FileIn,

    /// <summary>A file to write.</summary>
    FileOut,

    /// <summary>A folder to write into (created if missing).</summary>
    Folder,

    /// <summary>One of <see cref="ParameterSpec.Choices"/>.</summary>
    Choice,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>Three numbers <c>z,y,x</c>.</summary>
    Vector,

    /// <summary>Channel numbers such as <c>0,1</c> (0-based on the command line, 1-based in Fiji, see <see cref="IParameterValues.ChannelBase"/>).</summary>
    Channels,

    /// <summary>A whole number, at least <see cref="ParameterSpec.Minimum"/>.</summary>
    Integer,

    /// <summary>A switch without a value.</summary>
    Switch,
}
