using Coloc.Core.Geometry;
using Coloc.IO.Tiff;

namespace Coloc.IO.Images;

/// <summary>
/// A folder of 2-D TIFF planes, one file per z (the input of cellfinder and ClearMap, what light-sheet acquisition
/// software writes), one folder or file group per channel; see <see cref="PlaneFiles"/> for the paths accepted.
/// Every file is checked when opened (one page, same width, height and pixel type as the first; header size against
/// file size); a read opens only the files of the planes it touches and decodes only the strips or tiles of the box.
/// The voxel size is the first plane's (ImageJ <c>unit</c>/<c>spacing</c> or the resolution tags, see
/// <see cref="TiffCalibration"/>).
/// </summary>
public sealed class PlaneFolderStack : ImageStack
{
    private readonly string[][] _files;
    private readonly Action<string>? _warn;
    private readonly int _maxExpansion;

    private PlaneFolderStack(string path, string[][] files, ZyxInt shape, TiffPixelType type, Zyx resolutionUm, Action<string>? warn, int maxExpansion)
    {
        Path = path;
        _files = files;
        Shape = shape;
        PixelType = type;
        ResolutionUm = resolutionUm;
        _warn = warn;
        _maxExpansion = maxExpansion;
    }

    /// <summary>Opens the planes <paramref name="path"/> names and checks every file.</summary>
    /// <param name="path">A folder, a file glob or a <c>{c}</c> channel pattern (see <see cref="PlaneFiles"/>).</param>
    /// <param name="warn">Receives LibTiff.NET's warnings (default: dropped).</param>
    /// <param name="maxExpansion">Largest ratio of pixel bytes a plane's header claims to its file size.</param>
    /// <exception cref="ColocFormatException">One line naming the file and the problem.</exception>
    public static PlaneFolderStack Open(string path, Action<string>? warn = null, int maxExpansion = 2048)
    {
        var files = PlaneFiles.Resolve(path);
        ZyxInt? plane = null;
        TiffPixelType type = default;
        Zyx res = Zyx.All(1);
        string first = files[0][0];
        for (int c = 0; c < files.Length; c++)
        {
            if (files[c].Length != files[0].Length)
                throw new ColocFormatException($"{path}: channel {c} has {files[c].Length} planes, channel 0 has {files[0].Length}");
            foreach (var f in files[c])
            {
                using var t = TiffStack.Open(f, warn, maxExpansion);
                if (t.Shape.Z != 1 || t.Channels != 1 || t.Frames != 1)
                    throw new ColocFormatException($"{f}: holds {t.Shape.Z * t.Channels * t.Frames} planes; a plane folder takes one 2-D plane per file");
                if (plane is null)
                {
                    (plane, type, res) = (t.Shape, t.PixelType, t.ResolutionUm);
                }
                else if (t.Shape != plane || t.PixelType != type)
                    throw new ColocFormatException($"{f}: {t.Shape.Y}×{t.Shape.X} {t.PixelType}, but {first} is {plane.Value.Y}×{plane.Value.X} {type}; every plane must match");
            }
        }
        return new PlaneFolderStack(path, files, new ZyxInt(files[0].Length, plane!.Value.Y, plane.Value.X), type, res, warn, maxExpansion);
    }

    /// <inheritdoc/>
    public override string Path { get; }

    /// <inheritdoc/>
    public override ZyxInt Shape { get; }

    /// <inheritdoc/>
    public override int Channels => _files.Length;

    /// <inheritdoc/>
    public override Zyx ResolutionUm { get; }

    /// <inheritdoc/>
    public override TiffPixelType PixelType { get; }

    /// <summary>The plane files of each channel, in z order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Files => _files;

    /// <inheritdoc/>
    public override long Bytes => _files.Sum(c => c.Sum(f => new FileInfo(f).Length));

    /// <inheritdoc/>
    public override DateTime ModifiedUtc => _files.SelectMany(c => c).Max(File.GetLastWriteTimeUtc);

    /// <inheritdoc/>
    protected override void ReadRaw(int channel, int frame, ZyxInt offset, ZyxInt size, Span<byte> destination)
    {
        int planeBytes = size.Y * size.X * PixelType.BytesPerSample();
        for (int dz = 0; dz < size.Z; dz++)
        {
            string f = _files[channel][offset.Z + dz];
            using var t = TiffStack.Open(f, _warn, _maxExpansion);
            if (t.Shape.Z != 1 || t.Shape.Y != Shape.Y || t.Shape.X != Shape.X || t.PixelType != PixelType || t.Channels != 1)
                throw new ColocFormatException($"{f}: changed while being read ({t.Shape.Y}×{t.Shape.X} {t.PixelType}, was {Shape.Y}×{Shape.X} {PixelType})");
            t.ReadBytes(0, 0, new ZyxInt(0, offset.Y, offset.X), new ZyxInt(1, size.Y, size.X), destination.Slice(dz * planeBytes, planeBytes));
        }
    }
}
