using System.Globalization;
using System.Xml;
using Coloc.Core.Blobs;

namespace Coloc.IO.Blobs;

/// <summary>
/// Blobs from and to Fiji Cell Counter XML (the <c>CellCounter_Marker_File</c> of Fiji's Cell Counter 3.x, <c>ReadXML</c>/
/// <c>WriteXML</c>; brainglobe cellfinder writes the same): <c>Image_Properties/Image_Filename</c>, then
/// <c>Marker_Data/Marker_Type</c> elements, each with its <c>Type</c> number (1-based), an optional <c>Name</c> and
/// <c>Marker</c> elements holding <c>MarkerX</c>, <c>MarkerY</c> (pixels) and <c>MarkerZ</c> (1-based slice).
/// One channel per marker type: channel = <c>Type − 1</c> (the type's place in the file when it has no number);
/// z = <c>MarkerZ − 1</c> (0 when absent); radius 0, confirmed and truth −1. Writing puts channel c in type c + 1
/// (every type from 1 to the largest channel + 1 is written, empty ones too), x and y rounded to whole pixels as
/// Cell Counter stores them, MarkerZ = round(z) + 1.
/// </summary>
internal static class CellCounterXml
{
    public static BlobTable Read(string path)
    {
        var blobs = new List<Blob>();
        string? image = null;
        int typePlace = -1;
        bool sawRoot = false;
        try
        {
            using var r = XmlReader.Create(path, TrackMateXml.Settings);
            int channel = 0;
            r.Read();
            while (!r.EOF)
            {
                // ReadElementContentAsString leaves the reader on the next node: read on only when nothing was consumed.
                if (r.NodeType != XmlNodeType.Element) { r.Read(); continue; }
                if (!sawRoot && r.LocalName != "CellCounter_Marker_File")
                    throw new ColocFormatException($"{path}: root element <{r.LocalName}>, not a Cell Counter file");
                sawRoot = true;
                switch (r.LocalName)
                {
                    case "Image_Filename":
                        image = r.ReadElementContentAsString();
                        break;
                    case "Type":
                        int line = Line(r);
                        string t = r.ReadElementContentAsString().Trim();
                        channel = int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out int type) && type >= 1 ? type - 1
                            : throw new ColocFormatException($"{path}:{line}: marker Type '{t}' is not a number >= 1");
                        break;
                    case "Marker":
                        int at = Line(r);
                        using (var sub = r.ReadSubtree()) blobs.Add(Marker(sub, path, at, channel));
                        r.Read();
                        break;
                    default:
                        if (r.LocalName == "Marker_Type") channel = ++typePlace;
                        r.Read();
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
        if (!sawRoot) throw new ColocFormatException($"{path}: empty file, not a Cell Counter file");
        return new BlobTable(path, BlobFormat.CellCounterXml, [.. blobs]) { ChannelFromFile = true, ImageName = image };
    }

    private static Blob Marker(XmlReader m, string path, int line, int channel)
    {
        double x = double.NaN, y = double.NaN, z = 1;
        m.Read();
        while (!m.EOF)
        {
            if (m.NodeType != XmlNodeType.Element || m.LocalName is not ("MarkerX" or "MarkerY" or "MarkerZ")) { m.Read(); continue; }
            string name = m.LocalName, text = m.ReadElementContentAsString().Trim();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                throw new ColocFormatException($"{path}:{line}: {name} '{text}' is not a finite number");
            if (name == "MarkerX") x = v; else if (name == "MarkerY") y = v; else z = v;
        }
        if (double.IsNaN(x) || double.IsNaN(y)) throw new ColocFormatException($"{path}:{line}: Marker without MarkerX/MarkerY");
        return new Blob(z - 1, y, x, 0, -1, -1, channel);
    }

    private static int Line(XmlReader r) => (r as IXmlLineInfo)?.LineNumber ?? 0;

    public static void Write(string path, ReadOnlySpan<Blob> blobs, string? imageName)
    {
        var all = blobs.ToArray();
        int types = all.Length == 0 ? 1 : (int)all.Max(b => b.Channel) + 1;
        var byChannel = all.ToLookup(b => (int)b.Channel);
        Files.AtomicFile.Write(path, s =>
        {
            using var w = XmlWriter.Create(s, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false), NewLineChars = "\n" });
            w.WriteStartDocument(true);
            w.WriteStartElement("CellCounter_Marker_File");
            w.WriteStartElement("Image_Properties");
            w.WriteElementString("Image_Filename", imageName ?? "");
            w.WriteEndElement();
            w.WriteStartElement("Marker_Data");
            w.WriteElementString("Current_Type", "1");
            for (int c = 0; c < types; c++)
            {
                w.WriteStartElement("Marker_Type");
                w.WriteElementString("Type", Text(c + 1));
                w.WriteElementString("Name", $"c{c}");
                foreach (var b in byChannel[c])
                {
                    w.WriteStartElement("Marker");
                    w.WriteElementString("MarkerX", Text(Round(b.X)));
                    w.WriteElementString("MarkerY", Text(Round(b.Y)));
                    w.WriteElementString("MarkerZ", Text(Round(b.Z) + 1));
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        });
    }

    private static long Round(double v) => (long)Math.Round(v, MidpointRounding.AwayFromZero);

    private static string Text(long v) => v.ToString(CultureInfo.InvariantCulture);
}
