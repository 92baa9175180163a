namespace Coloc.TestKit;

/// <summary>
/// One 2-channel uint16 volume written by the tools users have (tests/data/images/make_images.py: tifffile for the
/// plane folders and the OME-TIFF, h5py for Imaris .ims and BigDataViewer .h5 + .xml), voxel size z,y,x = 4, 2, 2 µm.
/// </summary>
public sealed class ToolImages
{
    private ToolImages(string dir) => Dir = dir;

    /// <summary>The folder holding planes/C00, planes/C01, vol.ome.tif, vol.ims, vol.h5, vol.xml and vol.npy.</summary>
    public string Dir { get; }

    /// <summary>The channel pattern of the plane folders.</summary>
    public string Planes => Path.Combine(Dir, "planes", "C{c}");

    /// <summary>The OME-TIFF.</summary>
    public string OmeTiff => Path.Combine(Dir, "vol.ome.tif");

    /// <summary>The Imaris file.</summary>
    public string Ims => Path.Combine(Dir, "vol.ims");

    /// <summary>The BigDataViewer HDF5 file.</summary>
    public string BdvH5 => Path.Combine(Dir, "vol.h5");

    /// <summary>The BigDataViewer SpimData XML.</summary>
    public string BdvXml => Path.Combine(Dir, "vol.xml");

    /// <summary>Runs the generator into a new temporary folder (shape z,y,x; default 20, 40, 36).</summary>
    public static ToolImages Write(int z = 20, int y = 40, int x = 36)
    {
        string dir = RepoPaths.NewTempDir();
        string script = Path.Combine(RepoPaths.RepoRoot, "tests", "data", "images", "make_images.py");
        ExternalTool.Run(ExternalTool.Python, [script, dir, $"{z}", $"{y}", $"{x}"], 300);
        return new ToolImages(dir);
    }
}
