using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.IO.Blobs;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.Cli.Tests.Fuzz;

/// <summary>Seeds the harnesses make themselves (small valid files of each format), beside the committed corpus.</summary>
internal static class FuzzSeeds
{
    private static readonly Blob[] Some =
    [
        new(3, 12, 15, 2, -1, -1, 0), new(3, 12, 16, 2, 1, 0, 1), new(4.5, 2.25, 30, 1.5, -1, -1, 0), new(0, 0, 0, 3, -1, -1, 2),
    ];

    public static IReadOnlyList<byte[]> Csv(string dir) =>
    [
        "z,y,x,radius,confirmed,truth,channel\n3,12,15,2,-1,-1,0\n3,12,16,2,-1,-1,1\n"u8.ToArray(),
        "z,y,x,radius,confirmed,truth,channel,extra\n1e2,0.5,-0,2,1,0,1,abc\n\"4\",5,6,7,-1,-1,0,\"q,\"\"x\"\n"u8.ToArray(),
        "Z,Y,X,RADIUS,CONFIRMED,TRUTH,CHANNEL\r\n1,2,3,4,-1,-1,0\r\n"u8.ToArray(),
    ];

    public static IReadOnlyList<byte[]> Npz(string dir) =>
        Directory.GetFiles(RepoPaths.BundledOracleCases, "sample_blobs.npz", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes).Where(b => b.Length < 64 << 10).Take(6).ToArray();

    public static IReadOnlyList<byte[]> Xml(string dir)
    {
        string cc = Path.Combine(dir, "seed-cc.xml");
        CellCounterXml.Write(cc, Some, "img.tif");
        return
        [
            File.ReadAllBytes(cc),
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <TrackMate version="7.0.0"><Model spatialunits="pixel" timeunits="frame"><AllSpots nspots="2">
            <SpotsInFrame frame="0"><Spot ID="1" name="ID1" QUALITY="1.0" POSITION_X="1.5" POSITION_Y="2.0" POSITION_Z="3.0" POSITION_T="0" FRAME="0" RADIUS="2.0" VISIBILITY="1" MEAN_INTENSITY_CH1="5"/>
            <Spot ID="2" name="ID2" QUALITY="1.0" POSITION_X="4" POSITION_Y="5" POSITION_Z="6" POSITION_T="0" FRAME="0" RADIUS="1.0" VISIBILITY="1"/></SpotsInFrame>
            </AllSpots></Model><Settings><ImageData filename="img.tif" folder="" width="32" height="32" nslices="6" nframes="1" pixelwidth="1.0" pixelheight="1.0" voxeldepth="2.0" timeinterval="1.0"/></Settings></TrackMate>
            """u8.ToArray(),
        ];
    }

    public static IReadOnlyList<byte[]> RoiSet(string dir)
    {
        string zip = Path.Combine(dir, "seed.zip");
        ImageJRoiBlobs.WriteRoiSet(zip, Some, stackChannels: 3);
        return [File.ReadAllBytes(zip)];
    }

    public static IReadOnlyList<byte[]> Tiff(string dir)
    {
        var vol = SyntheticVolumes.Render(new ZyxInt(3, 12, 10), 800, 200, [new PlantedSpot(1, 5, 5, 2, 2, 2, 40000)], 5);
        var seeds = new List<byte[]>();
        foreach (var (c, tile) in new[] { (TiffCompression.None, 0), (TiffCompression.Lzw, 0), (TiffCompression.Deflate, 0), (TiffCompression.PackBits, 0), (TiffCompression.Deflate, 16) })
        {
            string path = Path.Combine(dir, $"seed-{c}-{tile}.tif");
            TiffStackWriter.Write<ushort>(path, [vol, vol], new TiffWriteOptions { ResolutionUm = new Zyx(2, 0.5, 0.5), Compression = c, TileSize = tile });
            seeds.Add(File.ReadAllBytes(path));
        }
        return seeds;
    }
}
