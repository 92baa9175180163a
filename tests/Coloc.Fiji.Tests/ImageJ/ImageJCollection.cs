namespace Coloc.Fiji.Tests.ImageJ;

/// <summary>ImageJ runs share this collection so they never run concurrently (2-core CI, Xvfb displays).</summary>
[CollectionDefinition(Name)]
public sealed class ImageJCollection
{
    /// <summary>Collection name.</summary>
    public const string Name = "ImageJ";
}
