using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace Coloc.Oracle.Tests.Regions;

/// <summary>
/// Test-only reader of the oracle's <c>.npy</c> files (format 1.0, C order, little-endian integer dtypes), values
/// widened to <see cref="long"/>. Not the production reader; it refuses anything else.
/// </summary>
internal sealed record TestNpy(string Descr, int[] Shape, long[] Values)
{
    public static TestNpy Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || bytes[0] != 0x93 || Encoding.ASCII.GetString(bytes, 1, 5) != "NUMPY" || bytes[6] != 1)
            throw new InvalidDataException($"{path}: not an NPY 1.0 file");
        int hlen = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8, 2));
        var header = Encoding.ASCII.GetString(bytes, 10, hlen);
        var descr = Regex.Match(header, @"'descr':\s*'([^']+)'").Groups[1].Value;
        if (!Regex.IsMatch(header, @"'fortran_order':\s*False")) throw new InvalidDataException($"{path}: not C order");
        var shape = Regex.Match(header, @"'shape':\s*\(([^)]*)\)").Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToArray();
        long n = shape.Aggregate(1L, (a, b) => a * b);
        var data = bytes.AsSpan(10 + hlen);
        int size = descr switch { "|u1" or "|i1" => 1, "<u2" or "<i2" => 2, "<u4" or "<i4" => 4, "<u8" or "<i8" => 8, _ => throw new InvalidDataException($"{path}: dtype {descr} not handled") };
        if (data.Length != n * size) throw new InvalidDataException($"{path}: {data.Length} data bytes for {n} values of {size}");
        var v = new long[n];
        for (int i = 0; i < n; i++)
        {
            var s = data.Slice(i * size, size);
            v[i] = descr switch
            {
                "|u1" => s[0],
                "|i1" => (sbyte)s[0],
                "<u2" => BinaryPrimitives.ReadUInt16LittleEndian(s),
                "<i2" => BinaryPrimitives.ReadInt16LittleEndian(s),
                "<u4" => BinaryPrimitives.ReadUInt32LittleEndian(s),
                "<i4" => BinaryPrimitives.ReadInt32LittleEndian(s),
                "<u8" => checked((long)BinaryPrimitives.ReadUInt64LittleEndian(s)),
                _ => BinaryPrimitives.ReadInt64LittleEndian(s),
            };
        }
        return new TestNpy(descr, shape, v);
    }
}
