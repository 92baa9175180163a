namespace Coloc.IO.Blobs;

/// <summary>The blob file formats <see cref="BlobFormats"/> reads (and, where noted, writes).</summary>
public enum BlobFormat
{
    /// <summary>Coloc's CSV (<c>z,y,x,radius,confirmed,truth,channel</c> in voxels); read and written.</summary>
    Csv,

    /// <summary>Delimited text with a column map (<see cref="BlobReadOptions.Columns"/>) and units; read only.</summary>
    Delimited,

    /// <summary>MagellanMapper's <c>*_blobs.npz</c> archive; read only.</summary>
    MagellanMapperArchive,

    /// <summary>TrackMate XML (spots of the model); read only.</summary>
    TrackMateXml,

    /// <summary>Fiji Cell Counter XML (<c>CellCounter_Marker_File</c>); read and written.</summary>
    CellCounterXml,

    /// <summary>One ImageJ point ROI (<c>.roi</c>); read and written.</summary>
    ImageJRoi,

    /// <summary>An ImageJ ROI Manager set (<c>RoiSet.zip</c> of <c>.roi</c> files); read and written.</summary>
    ImageJRoiSet,
}
