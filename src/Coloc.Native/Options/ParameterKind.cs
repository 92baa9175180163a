namespace Coloc.Native.Options;

/// <summary>What a dialog field holds; the Java side picks the widget from it.</summary>
public enum ParameterKind
{
    /// <summary>A file to read (text field with a file chooser).</summary>
    FileIn,

    /// <summary>A file to write (text field with a save chooser).</summary>
    FileOut,

    /// <summary>A folder to write into (text field with a folder chooser).</summary>
    Folder,

    /// <summary>One of <see cref="ParameterSpec.Choices"/> (a choice list).</summary>
    Choice,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>Three numbers <c>z,y,x</c> (text field).</summary>
    Vector,

    /// <summary>1-based channel numbers such as <c>1,2</c> (text field).</summary>
    Channels,
}
