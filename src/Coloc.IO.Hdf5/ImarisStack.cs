using System.Globalization;
using Coloc.Core.Geometry;
using Coloc.IO.Images;
using Coloc.IO.Tiff;
using PureHDF;
using PureHDF.VOL.Native;

namespace Coloc.IO.Hdf5;

/// <summary>
/// An Imaris <c>.ims</c> file (Imaris 5.5 file format, HDF5): channel c of frame t is the dataset
/// <c>/DataSet/ResolutionLevel L/TimePoint t/Channel c/Data</c>, z,y,x, read chunk by chunk; the image size is
/// <c>/DataSetInfo/Image</c> X, Y, Z (the dataset may be padded to whole chunks) and the voxel size
/// (ExtMax − ExtMin) / size per axis in its <c>Unit</c> (µm if absent). Resolution level 0 (full resolution) unless
/// another is asked for.
/// </summary>
public sealed class ImarisStack : Hdf5Stack
{
    private ImarisStack(string path, NativeFile file, IH5Dataset[,] data, ZyxInt shape, TiffPixelType type, Zyx resolutionUm)
        : base(path, path, file, data, shape, type, resolutionUm, "channel")
    {
    }

    /// <summary>Opens <paramref name="path"/> and checks its layout, sizes and pixel types.</summary>
    /// <param name="path">The <c>.ims</c> file.</param>
    /// <param name="level">Resolution level (0 = full resolution, the default).</param>
    /// <param name="maxExpansion">Largest ratio of the pixel bytes a dataset claims to the file size.</param>
    /// <exception cref="ColocFormatException">One line naming the file and the problem.</exception>
    public static ImarisStack Open(string path, int level = 0, int maxExpansion = 2048)
    {
        var file = Hdf5Datasets.Guard(path, "not a readable HDF5 file", () => H5File.OpenRead(path));
        try
        {
            return Hdf5Datasets.Guard(path, "Imaris layout", () => Build(path, file, level, maxExpansion));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static ImarisStack Build(string path, NativeFile file, int level, int maxExpansion)
    {
        string levelPath = $"/DataSet/ResolutionLevel {level}";
        if (!file.LinkExists("/DataSet") || !file.LinkExists(levelPath))
            throw new ColocFormatException($"{path}: no {levelPath} group; not an Imaris 5.5 file");
        var lvl = file.Group(levelPath);
        int frames = Count(lvl, "TimePoint ");
        if (frames == 0) throw new ColocFormatException($"{path}: {levelPath} has no TimePoint group");
        int channels = Count(lvl.Group("TimePoint 0"), "Channel ");
        if (channels == 0) throw new ColocFormatException($"{path}: {levelPath}/TimePoint 0 has no Channel group");
        long fileBytes = new FileInfo(path).Length;
        var data = new IH5Dataset[frames, channels];
        ZyxInt stored = default;
        TiffPixelType type = default;
        for (int t = 0; t < frames; t++)
            for (int c = 0; c < channels; c++)
            {
                string name = $"{levelPath}/TimePoint {t}/Channel {c}/Data";
                if (!file.LinkExists(name)) throw new ColocFormatException($"{path}: {name} is missing");
                var ds = file.Dataset(name);
                var s = Hdf5Datasets.Shape(ds, path, name, fileBytes, maxExpansion);
                var ty = Hdf5Datasets.PixelType(ds, path, name);
                if (t + c == 0) (stored, type) = (s, ty);
                else if (s != stored || ty != type)
                    throw new ColocFormatException($"{path}: {name} is {s} {ty}, Channel 0 is {stored} {type}; every channel must match");
                data[t, c] = ds;
            }
        var info = file.LinkExists("/DataSetInfo/Image") ? file.Group("/DataSetInfo/Image") : null;
        var chan0 = file.Group($"{levelPath}/TimePoint 0/Channel 0");
        int Size(string axis, int storedSize)
        {
            string? text = (level == 0 && info is not null ? Hdf5Datasets.Text(info, axis) : null) ?? Hdf5Datasets.Text(chan0, "ImageSize" + axis);
            if (text is null) return storedSize;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1 || n > storedSize)
                throw new ColocFormatException($"{path}: image size {axis}='{text}' is not in 1..{storedSize} (the dataset's size)");
            return n;
        }
        var shape = new ZyxInt(Size("Z", stored.Z), Size("Y", stored.Y), Size("X", stored.X));
        return new ImarisStack(path, file, data, shape, type, Resolution(path, info, level == 0 ? shape : null));
    }

    private static Zyx Resolution(string path, IH5Object? info, ZyxInt? shape)
    {
        if (info is null || shape is not { } s) return Zyx.All(1);
        double perUnit = (Hdf5Datasets.Text(info, "Unit") ?? "um").Trim() switch
        {
            "um" or "µm" or "micron" or "" => 1,
            "nm" => 1e-3,
            "mm" => 1e3,
            "m" => 1e6,
            var u => throw new ColocFormatException($"{path}: /DataSetInfo/Image Unit '{u}' is not a length unit"),
        };
        double Axis(int i, int n)
        {
            string? lo = Hdf5Datasets.Text(info, $"ExtMin{i}"), hi = Hdf5Datasets.Text(info, $"ExtMax{i}");
            if (lo is null || hi is null) return 1;
            if (!double.TryParse(lo, NumberStyles.Float, CultureInfo.InvariantCulture, out double a) || !double.TryParse(hi, NumberStyles.Float, CultureInfo.InvariantCulture, out double b)
                || !double.IsFinite(b - a) || b <= a)
                throw new ColocFormatException($"{path}: /DataSetInfo/Image ExtMin{i}='{lo}', ExtMax{i}='{hi}' do not give a positive extent");
            return (b - a) / n * perUnit;
        }
        return new Zyx(Axis(2, s.Z), Axis(1, s.Y), Axis(0, s.X));
    }

    private static int Count(IH5Group g, string prefix)
    {
        int n = 0;
        while (g.LinkExists(prefix + n)) n++;
        return n;
    }
}
