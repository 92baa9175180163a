using System.Globalization;
using System.IO.Compression;
using Coloc.Core.Geometry;

namespace Coloc.IO.Labels;

/// <summary>
/// Reads a MetaImage labels volume (<c>.mhd</c> header + <c>.raw</c> data, or one <c>.mha</c> with
/// <c>ElementDataFile = LOCAL</c>), as SimpleITK and MagellanMapper's registration write it: <c>NDims</c> 2 or 3,
/// <c>DimSize</c> x y [z], <c>ElementType</c> MET_(U)CHAR/SHORT/INT/LONG/LONG_LONG, <c>ElementSpacing</c> x y [z]
/// (taken as µm), byte order from <c>BinaryDataByteOrderMSB</c>/<c>ElementByteOrderMSB</c>, zlib data when
/// <c>CompressedData = True</c>. Data is x fastest, i.e. z,y,x C order.
/// </summary>
public static class MetaImageReader
{
    /// <summary>Reads <paramref name="path"/>; at most <paramref name="maxVoxels"/> voxels.</summary>
    /// <exception cref="ColocFormatException">One line naming the file and the problem.</exception>
    public static LabelsImage Read(string path, long maxVoxels)
    {
        using var fs = Open(path);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        long dataStart = 0;
        while (true)
        {
            string? line = ReadLine(fs, path);
            if (line is null) throw new ColocFormatException($"{path}: MetaImage header has no ElementDataFile line");
            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                if (line.Trim().Length == 0) continue;
                throw new ColocFormatException($"{path}: not a MetaImage header (line '{Short(line)}' has no '=')");
            }
            string key = line[..eq].Trim(), value = line[(eq + 1)..].Trim();
            fields[key] = value;
            if (key.Equals("ElementDataFile", StringComparison.OrdinalIgnoreCase))
            {
                dataStart = fs.Position;
                break;
            }
        }
        int nd = Int(fields, "NDims", path);
        if (nd is not (2 or 3)) throw new ColocFormatException($"{path}: NDims = {nd}, labels must be 2-D or 3-D");
        var dims = Numbers(fields, "DimSize", nd, path);
        var shape = new ZyxInt(nd == 3 ? Dim(dims[2], path) : 1, Dim(dims[1], path), Dim(dims[0], path));
        LabelsReader.CheckSize(shape, maxVoxels, path);
        Zyx? spacing = null;
        if (fields.ContainsKey("ElementSpacing") || fields.ContainsKey("ElementSize"))
        {
            var sp = Numbers(fields, fields.ContainsKey("ElementSpacing") ? "ElementSpacing" : "ElementSize", nd, path);
            spacing = new Zyx(nd == 3 ? sp[2] : 1, sp[1], sp[0]);
        }
        var type = Element(Get(fields, "ElementType", path), path);
        bool big = Bool(fields, "BinaryDataByteOrderMSB") || Bool(fields, "ElementByteOrderMSB");
        bool compressed = Bool(fields, "CompressedData");
        string dataFile = fields["ElementDataFile"];
        Stream data;
        string dataName;
        if (dataFile.Equals("LOCAL", StringComparison.OrdinalIgnoreCase))
        {
            fs.Position = dataStart;
            data = fs;
            dataName = path;
        }
        else
        {
            if (dataFile.Contains('%', StringComparison.Ordinal) || dataFile.StartsWith("LIST", StringComparison.OrdinalIgnoreCase))
                throw new ColocFormatException($"{path}: ElementDataFile '{dataFile}' (one file per slice) is not supported");
            dataName = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", dataFile);
            data = Open(dataName);
            long headerSize = fields.TryGetValue("HeaderSize", out var hs) ? long.Parse(hs, CultureInfo.InvariantCulture) : 0;
            if (headerSize > 0) data.Seek(headerSize, SeekOrigin.Begin);
        }
        try
        {
            using var raw = compressed ? new ZLibStream(data, CompressionMode.Decompress, leaveOpen: true) : null;
            try
            {
                return new LabelsImage(new Core.Regions.LabelGrid(shape, LabelVolumeDecoder.Read(raw ?? data, shape.Volume, type, big, dataName)), spacing);
            }
            catch (InvalidDataException e)
            {
                throw new ColocFormatException($"{dataName}: damaged compressed data ({e.Message})", e);
            }
        }
        finally
        {
            if (!ReferenceEquals(data, fs)) data.Dispose();
        }
    }

    private static FileStream Open(string path)
    {
        try { return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ColocFormatException($"{path}: cannot read ({e.Message})", e);
        }
    }

    /// <summary>One header line (ASCII, at most 4 KiB), or null at the end of the file.</summary>
    private static string? ReadLine(Stream s, string path)
    {
        var sb = new System.Text.StringBuilder();
        while (true)
        {
            int b = s.ReadByte();
            if (b < 0) return sb.Length == 0 ? null : sb.ToString();
            if (b == '\n') return sb.ToString().TrimEnd('\r');
            if (b == 0 || sb.Length > 4096) throw new ColocFormatException($"{path}: not a MetaImage header (binary data before ElementDataFile)");
            sb.Append((char)b);
        }
    }

    private static string Get(Dictionary<string, string> f, string key, string path) =>
        f.TryGetValue(key, out var v) ? v : throw new ColocFormatException($"{path}: MetaImage header lacks {key}");

    private static int Int(Dictionary<string, string> f, string key, string path) =>
        int.TryParse(Get(f, key, path), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)
            ? v : throw new ColocFormatException($"{path}: {key} = '{Short(f[key])}' is not an integer");

    private static double[] Numbers(Dictionary<string, string> f, string key, int n, string path)
    {
        var parts = Get(f, key, path).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var v = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]))
                throw new ColocFormatException($"{path}: {key} = '{Short(f[key])}' is not a list of numbers");
        if (v.Length != n) throw new ColocFormatException($"{path}: {key} has {v.Length} values, NDims is {n}");
        return v;
    }

    private static int Dim(double d, string path) =>
        d >= 1 && d <= int.MaxValue && d == Math.Floor(d) ? (int)d : throw new ColocFormatException($"{path}: DimSize {d} is not a positive integer");

    private static bool Bool(Dictionary<string, string> f, string key) =>
        f.TryGetValue(key, out var v) && v.Equals("True", StringComparison.OrdinalIgnoreCase);

    private static LabelElement Element(string t, string path) => t.ToUpperInvariant() switch
    {
        "MET_UCHAR" => LabelElement.Int(false, 1, t),
        "MET_CHAR" => LabelElement.Int(true, 1, t),
        "MET_USHORT" => LabelElement.Int(false, 2, t),
        "MET_SHORT" => LabelElement.Int(true, 2, t),
        "MET_UINT" or "MET_ULONG" => LabelElement.Int(false, 4, t),
        "MET_INT" or "MET_LONG" => LabelElement.Int(true, 4, t),
        "MET_ULONG_LONG" => LabelElement.Int(false, 8, t),
        "MET_LONG_LONG" => LabelElement.Int(true, 8, t),
        "MET_FLOAT" => LabelElement.Float(4, t),
        "MET_DOUBLE" => LabelElement.Float(8, t),
        _ => throw new ColocFormatException($"{path}: unsupported MetaImage ElementType '{Short(t)}'"),
    };

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
