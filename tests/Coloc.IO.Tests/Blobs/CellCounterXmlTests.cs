using System.Xml.Linq;
using Coloc.Core.Blobs;
using Coloc.IO.Blobs;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Blobs;

/// <summary>
/// Cell Counter XML as Fiji's Cell Counter plugin (sc.fiji.cellCounter 3.x, <c>WriteXML</c>/<c>ReadXML</c>) writes and
/// reads it: <c>CellCounter_Marker_File/Image_Properties/Image_Filename</c>, <c>Marker_Data/Current_Type</c>, then one
/// <c>Marker_Type</c> per counter type (<c>Type</c> 1-based, <c>Name</c>) holding <c>Marker</c>s with integer
/// <c>MarkerX</c>, <c>MarkerY</c> (pixels) and <c>MarkerZ</c> (1-based slice); CRLF line ends. One channel per type.
/// </summary>
public sealed class CellCounterXmlTests
{
    /// <summary>What Fiji's WriteXML writes for 3 types (type 2 empty) on image cells.tif.</summary>
    internal const string Fiji = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<CellCounter_Marker_File>\r\n"
        + " <Image_Properties>\r\n     <Image_Filename>cells.tif</Image_Filename>\r\n </Image_Properties>\r\n"
        + " <Marker_Data>\r\n     <Current_Type>1</Current_Type>\r\n"
        + "     <Marker_Type>\r\n         <Type>1</Type>\r\n         <Name>Type 1</Name>\r\n"
        + "         <Marker>\r\n             <MarkerX>10</MarkerX>\r\n             <MarkerY>20</MarkerY>\r\n             <MarkerZ>1</MarkerZ>\r\n         </Marker>\r\n"
        + "         <Marker>\r\n             <MarkerX>11</MarkerX>\r\n             <MarkerY>21</MarkerY>\r\n             <MarkerZ>4</MarkerZ>\r\n         </Marker>\r\n"
        + "     </Marker_Type>\r\n"
        + "     <Marker_Type>\r\n         <Type>2</Type>\r\n         <Name>Type 2</Name>\r\n     </Marker_Type>\r\n"
        + "     <Marker_Type>\r\n         <Type>3</Type>\r\n         <Name>neurons</Name>\r\n"
        + "         <Marker>\r\n             <MarkerX>300</MarkerX>\r\n             <MarkerY>5</MarkerY>\r\n             <MarkerZ>12</MarkerZ>\r\n         </Marker>\r\n"
        + "     </Marker_Type>\r\n </Marker_Data>\r\n</CellCounter_Marker_File>\r\n";

    private static string Write(string text, string name = "cells.xml")
    {
        string path = Path.Combine(RepoPaths.NewTempDir(), name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Fiji_markers_read_with_channel_type_minus_one_and_z_slice_minus_one()
    {
        var t = BlobFormats.Read(Write(Fiji));
        Assert.Equal(BlobFormat.CellCounterXml, t.Format);
        Assert.Equal([[0, 20, 10, 0], [3, 21, 11, 0], [11, 5, 300, 2]], t.Blobs.Select(b => new[] { b.Z, b.Y, b.X, b.Channel }));
        Assert.All(t.Blobs, b => Assert.Equal((0.0, -1.0, -1.0), (b.Radius, b.Confirmed, b.Truth)));
        Assert.True(t.ChannelFromFile);
        Assert.Equal("cells.tif", t.ImageName);
    }

    [Fact]
    public void The_older_format_without_names_and_types_out_of_order_keep_the_type_numbers()
    {
        string old = Fiji.Replace("<Name>Type 1</Name>", "", StringComparison.Ordinal).Replace("<Type>3</Type>", "<Type>7</Type>", StringComparison.Ordinal);
        var t = BlobFormats.Read(Write(old));
        Assert.Equal([0, 0, 6], t.Blobs.Select(b => b.Channel));
    }

    [Fact]
    public void Our_xml_is_what_Fiji_reads_one_type_per_channel_and_reads_back_at_whole_pixels()
    {
        Blob[] blobs = [new(0, 5.4, 7.6, 3, 1, 1, 0), new(3.5, 40, 60, 2, 1, 1, 2), new(1.2, 12, 13, 2, 1, 1, 0)];
        string path = Path.Combine(RepoPaths.NewTempDir(), "ours.xml");
        BlobFormats.Write(path, new BlobTable("in.csv", BlobFormat.Csv, blobs) { ImageName = "cells.tif" });

        // Fiji's ReadXML: Integer.parseInt of Type, MarkerX, MarkerY, MarkerZ; a Name per type (else "Type n").
        var doc = XDocument.Load(path);
        Assert.Equal("CellCounter_Marker_File", doc.Root!.Name.LocalName);
        Assert.Equal("cells.tif", doc.Root.Element("Image_Properties")!.Element("Image_Filename")!.Value);
        var types = doc.Root.Element("Marker_Data")!.Elements("Marker_Type").ToList();
        Assert.Equal(["1", "2", "3"], types.Select(m => m.Element("Type")!.Value));
        Assert.All(types, m => Assert.NotNull(m.Element("Name")));
        Assert.All(doc.Descendants("Marker").SelectMany(m => m.Elements()), e => Assert.True(int.TryParse(e.Value, out _), e.ToString()));
        Assert.Equal([2, 0, 1], types.Select(m => m.Elements("Marker").Count()));

        var back = BlobFormats.Read(path);
        Assert.Equal([[0, 5, 8, 0], [1, 12, 13, 0], [4, 40, 60, 2]], back.Blobs.Select(b => new[] { b.Z, b.Y, b.X, b.Channel }));
        Assert.Equal("cells.tif", back.ImageName);
    }

    [Theory]
    [InlineData("<MarkerX>10</MarkerX>", "<MarkerX>ten</MarkerX>", "MarkerX 'ten' is not a finite number")]
    [InlineData("<Type>1</Type>", "<Type>0</Type>", "marker Type '0' is not a number >= 1")]
    [InlineData("<MarkerY>20</MarkerY>", "", "Marker without MarkerX/MarkerY")]
    [InlineData("</CellCounter_Marker_File>", "", "damaged XML")]
    public void A_bad_marker_is_one_message_naming_the_file_and_line(string from, string to, string says)
    {
        string path = Write(Fiji.Replace(from, to, StringComparison.Ordinal));
        var e = Assert.Throws<ColocFormatException>(() => BlobFormats.Read(path));
        Assert.StartsWith(path + ":", e.Message, StringComparison.Ordinal);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
