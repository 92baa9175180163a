using System.Globalization;
using System.Xml;
using Coloc.Core.Blobs;
using Coloc.Core.Geometry;

namespace Coloc.IO.Blobs;

/// <summary>
/// Blobs from a TrackMate XML file (TrackMate 7's <c>TmXmlWriter</c> layout: <c>TrackMate/Model/AllSpots/SpotsInFrame/Spot</c>
/// with the features as attributes, <c>Settings/ImageData</c> with <c>pixelwidth</c>, <c>pixelheight</c>,
/// <c>voxeldepth</c>, <c>Settings/DetectorSettings</c> with <c>TARGET_CHANNEL</c>). Positions and radius are in the
/// model's physical units; voxels = <c>POSITION_Z/voxeldepth</c>, <c>POSITION_Y/pixelheight</c>,
/// <c>POSITION_X/pixelwidth</c>, radius = <c>RADIUS/pixelwidth</c>. Every other numeric spot attribute (ID, QUALITY,
/// FRAME, intensities, …) is kept as a further column. The channel is <c>TARGET_CHANNEL − 1</c> when the detector
/// settings give it, else the file's place among the inputs. Read with a streaming reader (no DTD, no document tree).
/// </summary>
internal static class TrackMateXml
{
    private static readonly string[] Position = ["POSITION_Z", "POSITION_Y", "POSITION_X", "RADIUS"];

    public static BlobTable Read(string path, bool keepFeatures)
    {
        var zyxr = new List<double>();
        var cols = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var cells = new List<(int Col, double Value)>();
        var rowStart = new List<int>();
        double? pw = null, ph = null, vd = null;
        int? channel = null;
        bool sawRoot = false;
        try
        {
            using var r = XmlReader.Create(path, Settings);
            while (r.Read())
            {
                if (r.NodeType != XmlNodeType.Element) continue;
                if (!sawRoot)
                {
                    if (r.LocalName != "TrackMate") throw new ColocFormatException($"{path}: root element <{r.LocalName}>, not a TrackMate file");
                    sawRoot = true;
                }
                switch (r.LocalName)
                {
                    case "Spot":
                        Spot(r, path, zyxr, keepFeatures ? (cols, names, cells, rowStart) : null);
                        break;
                    case "ImageData":
                        pw = Attr(r, "pixelwidth", path); ph = Attr(r, "pixelheight", path); vd = Attr(r, "voxeldepth", path);
                        break;
                    case "DetectorSettings" when r.GetAttribute("TARGET_CHANNEL") is { } tc:
                        channel = int.TryParse(tc, NumberStyles.Integer, CultureInfo.InvariantCulture, out int t) && t >= 1 ? t - 1
                            : throw new ColocFormatException($"{path}: TARGET_CHANNEL '{tc}' is not a channel number >= 1");
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            throw TrackMateXml.Damaged(path, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ColocFormatException($"{path}: cannot read: {e.Message}", e);
        }
        if (!sawRoot) throw new ColocFormatException($"{path}: empty file, not a TrackMate file");
        int n = zyxr.Count / 4;
        if (n > 0 && (pw is not > 0 || ph is not > 0 || vd is not > 0))
            throw new ColocFormatException($"{path}: TrackMate file without a positive ImageData pixelwidth/pixelheight/voxeldepth (needed to convert to voxels)");
        var blobs = new Blob[n];
        for (int i = 0; i < n; i++)
            blobs[i] = new Blob(zyxr[4 * i] / vd!.Value, zyxr[4 * i + 1] / ph!.Value, zyxr[4 * i + 2] / pw!.Value, zyxr[4 * i + 3] / pw.Value, -1, -1, channel ?? 0);
        var extra = new double[n * names.Count];
        if (names.Count > 0)
        {
            Array.Fill(extra, double.NaN);
            for (int i = 0; i < n; i++)
                for (int k = rowStart[i], end = i + 1 < n ? rowStart[i + 1] : cells.Count; k < end; k++)
                    extra[i * names.Count + cells[k].Col] = cells[k].Value;
        }
        return new BlobTable(path, BlobFormat.TrackMateXml, blobs)
        {
            ExtraColumns = names,
            ExtraValues = extra,
            ChannelFromFile = channel is not null,
            ResolutionUm = pw is > 0 && ph is > 0 && vd is > 0 ? new Zyx(vd.Value, ph.Value, pw.Value) : null,
        };
    }

    private static void Spot(XmlReader r, string path, List<double> zyxr,
        (Dictionary<string, int> Cols, List<string> Names, List<(int, double)> Cells, List<int> RowStart)? features)
    {
        Span<double> p = [double.NaN, double.NaN, double.NaN, double.NaN];
        features?.RowStart.Add(features.Value.Cells.Count);
        var line = (r as IXmlLineInfo)?.LineNumber ?? 0;
        while (r.MoveToNextAttribute())
        {
            int k = Array.IndexOf(Position, r.LocalName);
            if (k < 0 && features is null) continue; // features dropped: parse the position attributes only
            bool number = double.TryParse(r.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v);
            if (k >= 0)
            {
                if (!number || !double.IsFinite(v)) throw new ColocFormatException($"{path}:{line}: spot {r.LocalName} '{r.Value}' is not a finite number");
                p[k] = v;
            }
            else if (number && features is { } f)
            {
                if (!f.Cols.TryGetValue(r.LocalName, out int c))
                {
                    c = f.Names.Count;
                    f.Cols.Add(r.LocalName, c);
                    f.Names.Add(r.LocalName);
                }
                f.Cells.Add((c, v));
            }
        }
        r.MoveToElement();
        for (int k = 0; k < 3; k++)
            if (double.IsNaN(p[k])) throw new ColocFormatException($"{path}:{line}: spot without {Position[k]}");
        if (double.IsNaN(p[3])) p[3] = 0;
        foreach (double v in p) zyxr.Add(v);
    }

    private static double? Attr(XmlReader r, string name, string path)
    {
        string? s = r.GetAttribute(name);
        if (s is null) return null;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            ? v : throw new ColocFormatException($"{path}: ImageData {name} '{s}' is not a number");
    }

    /// <summary>One line for an XML file the reader stopped on: where and why; a DTD (refused, never resolved) said as such.</summary>
    internal static ColocFormatException Damaged(string path, XmlException e)
    {
        string at = e.LineNumber > 0 ? $" at line {e.LineNumber}" : "";
        return e.Message.Contains("DTD", StringComparison.Ordinal)
            ? new ColocFormatException($"{path}: XML with a document type definition (<!DOCTYPE>){at}, which Coloc refuses (no entities, no external files)", e)
            : new ColocFormatException($"{path}: damaged XML{at}: {e.Message.Split(" Line ")[0]}", e);
    }

    /// <summary>Reader settings of both XML formats: no DTD, no resolver, comments and whitespace skipped.</summary>
    internal static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true,
    };
}
