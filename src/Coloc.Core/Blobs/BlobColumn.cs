namespace Coloc.Core.Blobs;

/// <summary>The named blob columns MagellanMapper knows (<c>Blobs.Cols</c>), in its canonical order.</summary>
public enum BlobColumn
{
    /// <summary>z coordinate.</summary>
    Z,
    /// <summary>y coordinate.</summary>
    Y,
    /// <summary>x coordinate.</summary>
    X,
    /// <summary>Radius in voxels.</summary>
    Radius,
    /// <summary>Confirmation flag.</summary>
    Confirmed,
    /// <summary>Truth flag.</summary>
    Truth,
    /// <summary>Channel index.</summary>
    Channel,
    /// <summary>Absolute z (block pruning working copy).</summary>
    AbsZ,
    /// <summary>Absolute y.</summary>
    AbsY,
    /// <summary>Absolute x.</summary>
    AbsX,
    /// <summary>Atlas region id.</summary>
    Region,
}
