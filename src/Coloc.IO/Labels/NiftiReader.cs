using System.Buffers.Binary;
using System.IO.Compression;
using Coloc.Core.Geometry;

namespace Coloc.IO.Labels;

/// <summary>
/// Reads a NIfTI-1 labels volume (<c>.nii</c>, or gzip-compressed <c>.nii.gz</c>; magic <c>n+1</c>), as brainglobe
/// and ANTs write it: the 348-byte header (either byte order, told by <c>sizeof_hdr</c>), <c>dim</c> 2-D or 3-D
/// (a 4th/5th axis of length 1 allowed), integer <c>datatype</c> (2, 4, 8, 256, 512, 768, 1024, 1280), data from
/// <c>vox_offset</c>, i fastest. Axis i,j,k is taken as x,y,z (no reorientation: the voxel grid as stored, which is
/// what the blob coordinates must refer to). <c>pixdim</c> gives the spacing, converted to µm by <c>xyzt_units</c>.
/// A scaling other than slope 0 or 1 with intercept 0 is refused: the stored values would not be the ids.
/// </summary>
public static class NiftiReader
{
    private const int HeaderBytes = 348;

    /// <summary>Reads <paramref name="path"/>; at most <paramref name="maxVoxels"/> voxels.</summary>
    /// <exception cref="ColocFormatException">One line naming the file and the problem.</exception>
    public static LabelsImage Read(string path, long maxVoxels)
    {
        FileStream fs;
        try { fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ColocFormatException($"{path}: cannot read ({e.Message})", e);
        }
        using (fs)
        {
            bool gz = fs.Length >= 2 && fs.ReadByte() == 0x1f && fs.ReadByte() == 0x8b;
            fs.Position = 0;
            using var s = gz ? new GZipStream(fs, CompressionMode.Decompress) : (Stream)fs;
            try
            {
                return Read(s, path, maxVoxels);
            }
            catch (EndOfStreamException e)
            {
                throw new ColocFormatException($"{path}: truncated NIfTI file", e);
            }
            catch (InvalidDataException e)
            {
                throw new ColocFormatException($"{path}: damaged gzip data ({e.Message})", e);
            }
        }
    }

    private static LabelsImage Read(Stream s, string path, long maxVoxels)
    {
        var h = new byte[HeaderBytes];
        s.ReadExactly(h);
        bool big;
        if (BinaryPrimitives.ReadInt32LittleEndian(h) == HeaderBytes) big = false;
        else if (BinaryPrimitives.ReadInt32BigEndian(h) == HeaderBytes) big = true;
        else throw new ColocFormatException($"{path}: not a NIfTI-1 file (sizeof_hdr is not 348; NIfTI-2 is not supported)");
        if (!(h[344] == 'n' && (h[345] == '+' || h[345] == 'i') && h[346] == '1'))
            throw new ColocFormatException($"{path}: not a NIfTI-1 file (bad magic)");
        if (h[345] == 'i') throw new ColocFormatException($"{path}: a NIfTI .hdr/.img pair is not supported, convert it to .nii");
        short I16(int o) => big ? BinaryPrimitives.ReadInt16BigEndian(h.AsSpan(o)) : BinaryPrimitives.ReadInt16LittleEndian(h.AsSpan(o));
        float F32(int o) => big ? BinaryPrimitives.ReadSingleBigEndian(h.AsSpan(o)) : BinaryPrimitives.ReadSingleLittleEndian(h.AsSpan(o));
        int nd = I16(40);
        if (nd < 1 || nd > 7) throw new ColocFormatException($"{path}: dim[0] = {nd} is not 1..7");
        var dim = new int[8];
        for (int i = 1; i <= 7; i++) dim[i] = i <= nd ? I16(40 + 2 * i) : 1;
        for (int i = 1; i <= nd; i++)
            if (dim[i] < 1) throw new ColocFormatException($"{path}: dim[{i}] = {dim[i]} is not positive");
        for (int i = 4; i <= nd; i++)
            if (dim[i] != 1) throw new ColocFormatException($"{path}: a labels image must be 2-D or 3-D, dim[{i}] = {dim[i]}");
        var shape = new ZyxInt(dim[3], dim[2], dim[1]);
        LabelsReader.CheckSize(shape, maxVoxels, path);
        int datatype = I16(70);
        var type = datatype switch
        {
            2 => LabelElement.Int(false, 1, "uint8"),
            256 => LabelElement.Int(true, 1, "int8"),
            4 => LabelElement.Int(true, 2, "int16"),
            512 => LabelElement.Int(false, 2, "uint16"),
            8 => LabelElement.Int(true, 4, "int32"),
            768 => LabelElement.Int(false, 4, "uint32"),
            1024 => LabelElement.Int(true, 8, "int64"),
            1280 => LabelElement.Int(false, 8, "uint64"),
            16 => LabelElement.Float(4, "float32"),
            64 => LabelElement.Float(8, "float64"),
            _ => throw new ColocFormatException($"{path}: unsupported NIfTI datatype {datatype}"),
        };
        float slope = F32(112), inter = F32(116);
        if (!((slope == 0 || slope == 1) && inter == 0) && !(float.IsNaN(slope) || float.IsNaN(inter)))
            throw new ColocFormatException($"{path}: scl_slope {slope} / scl_inter {inter} rescale the values, labels must be stored ids");
        float voxOffset = F32(108);
        if (!(voxOffset >= HeaderBytes) || voxOffset > int.MaxValue)
            throw new ColocFormatException($"{path}: vox_offset {voxOffset} is not past the header");
        long skip = (long)voxOffset - HeaderBytes;
        if (skip > 0) s.ReadExactly(new byte[skip]);
        double unitUm = (h[123] & 7) switch { 1 => 1e6, 2 => 1e3, 3 => 1, _ => double.NaN };
        Zyx? spacing = double.IsNaN(unitUm) ? null : new Zyx(Math.Abs(F32(88)) * unitUm, Math.Abs(F32(84)) * unitUm, Math.Abs(F32(80)) * unitUm);
        var ids = LabelVolumeDecoder.Read(s, shape.Volume, type, big, path);
        return new LabelsImage(new Core.Regions.LabelGrid(shape, ids), spacing);
    }
}
