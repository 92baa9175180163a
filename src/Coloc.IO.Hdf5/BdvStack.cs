using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Coloc.Core.Geometry;
using Coloc.IO.Images;
using Coloc.IO.Tiff;
using PureHDF;
using PureHDF.VOL.Native;

namespace Coloc.IO.Hdf5;

/// <summary>
/// A BigDataViewer / BigStitcher HDF5 image: the SpimData <c>.xml</c> (ImageLoader <c>bdv.hdf5</c>, one ViewSetup per
/// channel in id order, voxel size from each setup's <c>voxelSize</c>) and its <c>.h5</c>, where setup s of time point
/// t at resolution level L is the dataset <c>/tTTTTT/sSS/L/cells</c>, z,y,x, read chunk by chunk. 16-bit cells are
/// stored as int16 and read as uint16 (as BigDataViewer does). Given the <c>.h5</c>, the <c>.xml</c> of the same name
/// beside it is used if present; without one the setups are the <c>sSS</c> groups and the voxel size is 1 µm.
/// </summary>
public sealed class BdvStack : Hdf5Stack
{
    private BdvStack(string path, string h5, NativeFile file, IH5Dataset[,] data, ZyxInt shape, TiffPixelType type, Zyx resolutionUm)
        : base(path, h5, file, data, shape, type, resolutionUm, "setup")
    {
    }

    /// <summary>Opens a BigDataViewer <c>.xml</c> or <c>.h5</c>.</summary>
    /// <param name="path">The <c>.xml</c> or the <c>.h5</c>.</param>
    /// <param name="level">Resolution level (0 = full resolution, the default).</param>
    /// <param name="maxExpansion">Largest ratio of the pixel bytes a dataset claims to the file size.</param>
    /// <exception cref="ColocFormatException">One line naming the file and the problem.</exception>
    public static BdvStack Open(string path, int level = 0, int maxExpansion = 2048)
    {
        bool isXml = path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
        string xml = isXml ? path : System.IO.Path.ChangeExtension(path, ".xml");
        var (h5, setups, res) = File.Exists(xml) ? ReadXml(xml, isXml ? null : path) : (path, null, Zyx.All(1));
        if (!File.Exists(h5)) throw new ColocFormatException($"{path}: its HDF5 file {h5} is not found");
        var file = Hdf5Datasets.Guard(h5, "not a readable HDF5 file", () => H5File.OpenRead(h5));
        try
        {
            return Hdf5Datasets.Guard(h5, "BigDataViewer layout", () => Build(path, h5, file, setups, res, level, maxExpansion));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static BdvStack Build(string path, string h5, NativeFile file, int[]? setups, Zyx res, int level, int maxExpansion)
    {
        setups ??= [.. Enumerable.Range(0, 100).TakeWhile(s => file.LinkExists($"/s{s:D2}"))];
        if (setups.Length == 0) throw new ColocFormatException($"{h5}: no setup group /s00; not a BigDataViewer HDF5 file");
        int frames = 0;
        while (file.LinkExists($"/t{frames:D5}")) frames++;
        if (frames == 0) throw new ColocFormatException($"{h5}: no time point group /t00000; not a BigDataViewer HDF5 file");
        long fileBytes = new FileInfo(h5).Length;
        var data = new IH5Dataset[frames, setups.Length];
        ZyxInt shape = default;
        TiffPixelType type = default;
        for (int t = 0; t < frames; t++)
            for (int c = 0; c < setups.Length; c++)
            {
                string name = $"/t{t:D5}/s{setups[c]:D2}/{level}/cells";
                if (!file.LinkExists(name)) throw new ColocFormatException($"{h5}: {name} is missing");
                var ds = file.Dataset(name);
                var s = Hdf5Datasets.Shape(ds, h5, name, fileBytes, maxExpansion);
                var ty = Hdf5Datasets.PixelType(ds, h5, name, int16AsUInt16: true);
                if (t + c == 0) (shape, type) = (s, ty);
                else if (s != shape || ty != type)
                    throw new ColocFormatException($"{h5}: {name} is {s} {ty}, the first setup is {shape} {type}; every setup must match");
                data[t, c] = ds;
            }
        if (level != 0 && file.LinkExists($"/s{setups[0]:D2}/resolutions"))
        {
            var f = file.Dataset($"/s{setups[0]:D2}/resolutions").Read<double[]>();
            if (f.Length < 3 * (level + 1)) throw new ColocFormatException($"{h5}: /s{setups[0]:D2}/resolutions has no level {level}");
            res = new Zyx(res.Z * f[3 * level + 2], res.Y * f[3 * level + 1], res.X * f[3 * level]);
        }
        return new BdvStack(path, h5, file, data, shape, type, res);
    }

    /// <summary>The .h5 path, the setup ids (channels) and the voxel size z,y,x in µm from a SpimData XML.</summary>
    private static (string H5, int[] Setups, Zyx ResolutionUm) ReadXml(string xml, string? h5Given)
    {
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            doc = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new ColocFormatException($"{xml}: not well-formed XML ({e.Message})", e);
        }
        var root = doc.Root;
        if (root?.Name.LocalName != "SpimData") throw new ColocFormatException($"{xml}: not a BigDataViewer SpimData XML (root <{root?.Name.LocalName}>)");
        var loader = root.Descendants("ImageLoader").FirstOrDefault() ?? throw new ColocFormatException($"{xml}: no ImageLoader");
        string format = (string?)loader.Attribute("format") ?? "";
        if (format != "bdv.hdf5")
            throw new ColocFormatException($"{xml}: ImageLoader format '{format}' is not supported (bdv.hdf5 only; N5/OME-Zarr are not read)");
        string dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(xml))!;
        string basePath = root.Element("BasePath") is { } bp && (string?)bp.Attribute("type") != "absolute" ? System.IO.Path.Combine(dir, bp.Value.Trim()) : root.Element("BasePath")?.Value.Trim() ?? dir;
        var h5El = loader.Element("hdf5") ?? throw new ColocFormatException($"{xml}: ImageLoader has no <hdf5> file");
        string h5 = h5Given ?? ((string?)h5El.Attribute("type") == "absolute" ? h5El.Value.Trim() : System.IO.Path.GetFullPath(System.IO.Path.Combine(basePath, h5El.Value.Trim())));
        var setups = root.Descendants("ViewSetup").Select(v => (Id: Int(xml, v, "id"), Voxel: v.Element("voxelSize"))).OrderBy(v => v.Id).ToArray();
        if (setups.Length == 0) throw new ColocFormatException($"{xml}: no ViewSetup");
        var sizes = setups.Select(s => Voxel(xml, s.Id, s.Voxel)).Distinct().ToArray();
        if (sizes.Length > 1) throw new ColocFormatException($"{xml}: the ViewSetups have different voxel sizes ({string.Join("; ", sizes)}); coloc reads channels of one grid");
        return (h5, [.. setups.Select(s => s.Id)], sizes[0]);
    }

    private static int Int(string xml, XElement setup, string name) =>
        int.TryParse(setup.Element(name)?.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v < 100
            ? v : throw new ColocFormatException($"{xml}: ViewSetup <{name}> '{setup.Element(name)?.Value}' is not an integer in 0..99");

    private static Zyx Voxel(string xml, int id, XElement? voxel)
    {
        if (voxel is null) return Zyx.All(1);
        string unit = voxel.Element("unit")?.Value.Trim() ?? "µm";
        double perUnit = unit switch
        {
            "µm" or "μm" or "um" or "micron" or "microns" or "micrometer" => 1,
            "nm" or "nanometer" => 1e-3,
            "mm" or "millimeter" => 1e3,
            "pixel" or "pixels" or "px" => 1,
            _ => throw new ColocFormatException($"{xml}: ViewSetup {id} voxelSize unit '{unit}' is not a length unit"),
        };
        var parts = (voxel.Element("size")?.Value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var v = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) && d > 0 ? d : double.NaN).ToArray();
        if (v.Length != 3 || v.Any(double.IsNaN))
            throw new ColocFormatException($"{xml}: ViewSetup {id} voxelSize size '{voxel.Element("size")?.Value}' is not three positive numbers x y z");
        return new Zyx(v[2] * perUnit, v[1] * perUnit, v[0] * perUnit);
    }
}
