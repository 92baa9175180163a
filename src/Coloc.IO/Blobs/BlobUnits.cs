namespace Coloc.IO.Blobs;

/// <summary>Units of the coordinates in a delimited blob file.</summary>
public enum BlobUnits
{
    /// <summary>Voxels (z slices, y rows, x columns), 0-based.</summary>
    Voxel,

    /// <summary>Micrometres, divided by the resolution (µm per voxel) to give voxels.</summary>
    Micrometre,
}
