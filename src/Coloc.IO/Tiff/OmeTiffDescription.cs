using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Coloc.Core.Geometry;

namespace Coloc.IO.Tiff;

/// <summary>
/// The OME-XML of an OME-TIFF (first page's ImageDescription, OME schema 2016-06 as tifffile, Bio-Formats and
/// Micro-Manager write it): the first <c>Image</c>'s <c>Pixels</c> give SizeZ/C/T, which page holds each plane (from
/// <c>DimensionOrder</c> and the <c>TiffData</c> elements: IFD, FirstZ/FirstC/FirstT, PlaneCount) and the voxel size
/// (PhysicalSizeZ/Y/X in PhysicalSize*Unit, µm when the unit is not given). Multi-file OME-TIFF (a <c>TiffData</c>
/// naming another file) and several samples per pixel are refused.
/// </summary>
/// <param name="SizeZ">Planes per channel and frame.</param>
/// <param name="SizeC">Channels.</param>
/// <param name="SizeT">Frames.</param>
/// <param name="Pages">Page (IFD) of plane (c, z, t) at index <c>(t·SizeZ + z)·SizeC + c</c>.</param>
/// <param name="ResolutionUm">Voxel size z,y,x, µm; 1 on an axis without a physical size.</param>
internal sealed record OmeTiffDescription(int SizeZ, int SizeC, int SizeT, int[] Pages, Zyx ResolutionUm)
{
    private static readonly Dictionary<string, double> MicronsPerUnit = new(StringComparer.Ordinal)
    {
        ["pm"] = 1e-6, ["Å"] = 1e-4, ["nm"] = 1e-3, ["µm"] = 1, ["μm"] = 1, ["um"] = 1, ["mm"] = 1e3, ["cm"] = 1e4, ["dm"] = 1e5, ["m"] = 1e6,
    };

    /// <summary>Parses <paramref name="description"/> if it is OME-XML; null otherwise.</summary>
    /// <param name="description">The first page's ImageDescription.</param>
    /// <param name="path">The file (for messages and to recognise its own name in <c>UUID FileName</c>).</param>
    /// <param name="width">Page width, pixels (must equal SizeX).</param>
    /// <param name="height">Page height, pixels (must equal SizeY).</param>
    /// <param name="pageCount">Pages in the file.</param>
    /// <param name="warn">Receives notes (a second image ignored, an unknown unit).</param>
    /// <exception cref="ColocFormatException">Malformed or unsupported OME-XML, or one that does not fit the pages.</exception>
    internal static OmeTiffDescription? TryParse(string? description, string path, int width, int height, int pageCount, Action<string>? warn)
    {
        if (description is null || !description.Contains("<OME", StringComparison.Ordinal)) return null;
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(new StringReader(description), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            doc = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new ColocFormatException($"{path}: OME-XML is not well-formed ({e.Message})", e);
        }
        var images = doc.Descendants().Where(e => e.Name.LocalName == "Image").ToArray();
        if (images.Length == 0) throw new ColocFormatException($"{path}: OME-XML has no Image");
        if (images.Length > 1) warn?.Invoke($"{path}: OME-XML describes {images.Length} images; reading the first");
        var px = images[0].Elements().FirstOrDefault(e => e.Name.LocalName == "Pixels") ?? throw new ColocFormatException($"{path}: OME-XML Image has no Pixels");
        int Size(string name) => int.TryParse((string?)px.Attribute(name), NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v > 0
            ? v : throw new ColocFormatException($"{path}: OME-XML Pixels {name}='{(string?)px.Attribute(name)}' is not a positive integer");
        int sx = Size("SizeX"), sy = Size("SizeY"), sz = Size("SizeZ"), sc = Size("SizeC"), st = Size("SizeT");
        if (sx != width || sy != height)
            throw new ColocFormatException($"{path}: OME-XML says {sy}×{sx} pixels, the pages are {height}×{width}");
        if (px.Elements().Any(e => e.Name.LocalName == "Channel" && ((string?)e.Attribute("SamplesPerPixel") ?? "1") != "1"))
            throw new ColocFormatException($"{path}: OME-XML channels with several samples per pixel (RGB) are not supported");
        string order = (string?)px.Attribute("DimensionOrder") ?? "";
        if (order.Length != 5 || !order.StartsWith("XY", StringComparison.Ordinal) || order[2..].Order().SequenceEqual("CTZ") is false)
            throw new ColocFormatException($"{path}: OME-XML DimensionOrder '{order}' is not one of XYZCT, XYZTC, XYCZT, XYCTZ, XYTZC, XYTCZ");
        long total = (long)sz * sc * st;
        if (total > pageCount)
            throw new ColocFormatException($"{path}: OME-XML describes {total} planes (Z={sz} C={sc} T={st}) but the file has {pageCount} pages");
        var pages = new int[total];
        Array.Fill(pages, -1);
        var sizes = new Dictionary<char, int> { ['Z'] = sz, ['C'] = sc, ['T'] = st };
        // Linear plane index in DimensionOrder (third letter fastest) to our (t·Z + z)·C + c.
        int Ours(long linear)
        {
            var at = new Dictionary<char, long>();
            foreach (char d in order[2..]) { at[d] = linear % sizes[d]; linear /= sizes[d]; }
            return (int)((at['T'] * sz + at['Z']) * sc + at['C']);
        }
        long Linear(int z, int c, int t)
        {
            var at = new Dictionary<char, int> { ['Z'] = z, ['C'] = c, ['T'] = t };
            long l = 0;
            foreach (char d in order[2..].Reverse()) l = l * sizes[d] + at[d];
            return l;
        }
        var tiffData = px.Elements().Where(e => e.Name.LocalName == "TiffData").ToArray();
        if (tiffData.Length == 0)
            for (long i = 0; i < total; i++) pages[Ours(i)] = (int)i;
        string own = System.IO.Path.GetFileName(path);
        foreach (var td in tiffData)
        {
            if (td.Elements().FirstOrDefault(e => e.Name.LocalName == "UUID")?.Attribute("FileName") is { } fn && fn.Value != own)
                throw new ColocFormatException($"{path}: multi-file OME-TIFF (planes in {fn.Value}) is not supported; open a single-file OME-TIFF");
            int Attr(string name, int dflt) => td.Attribute(name) is not { } a ? dflt
                : int.TryParse(a.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v
                : throw new ColocFormatException($"{path}: OME-XML TiffData {name}='{a.Value}' is not a non-negative integer");
            int ifd = Attr("IFD", 0), fz = Attr("FirstZ", 0), fc = Attr("FirstC", 0), ft = Attr("FirstT", 0);
            bool placed = td.Attributes().Any(a => a.Name.LocalName is "IFD" or "FirstZ" or "FirstC" or "FirstT");
            int count = Attr("PlaneCount", tiffData.Length == 1 && !placed ? (int)total : 1);
            if (fz >= sz || fc >= sc || ft >= st)
                throw new ColocFormatException($"{path}: OME-XML TiffData FirstZ/C/T ({fz},{fc},{ft}) is outside Z={sz} C={sc} T={st}");
            long start = Linear(fz, fc, ft);
            if (start + count > total || (long)ifd + count > pageCount)
                throw new ColocFormatException($"{path}: OME-XML TiffData IFD={ifd} PlaneCount={count} does not fit {total} planes in {pageCount} pages");
            for (int k = 0; k < count; k++) pages[Ours(start + k)] = ifd + k;
        }
        int missing = Array.IndexOf(pages, -1);
        if (missing >= 0)
            throw new ColocFormatException($"{path}: OME-XML gives no page for plane c={missing % sc}, z={missing / sc % sz}, t={missing / sc / sz}");
        double Physical(string axis)
        {
            if (px.Attribute("PhysicalSize" + axis) is not { } a) return 1;
            if (!double.TryParse(a.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v) || v <= 0)
                throw new ColocFormatException($"{path}: OME-XML PhysicalSize{axis}='{a.Value}' is not a positive number");
            string unit = ((string?)px.Attribute("PhysicalSize" + axis + "Unit") ?? "µm").Replace("Â", "", StringComparison.Ordinal);
            if (MicronsPerUnit.TryGetValue(unit, out double f)) return v * f;
            warn?.Invoke($"{path}: OME-XML PhysicalSize{axis}Unit '{unit}' is not a length; axis {axis} taken as 1 µm");
            return 1;
        }
        return new OmeTiffDescription(sz, sc, st, pages, new Zyx(Physical("Z"), Physical("Y"), Physical("X")));
    }
}
