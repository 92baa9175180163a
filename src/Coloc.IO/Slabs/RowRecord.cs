using System.Runtime.InteropServices;
using Coloc.Core.Blobs;

namespace Coloc.IO.Slabs;

/// <summary>One match row without database ids as stored in a run file: two blobs and the distance, 15 doubles, 120 bytes, machine byte order.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct RowRecord(Blob Blob1, Blob Blob2, double Distance)
{
    /// <summary>Bytes per record.</summary>
    public static int Size => Marshal.SizeOf<RowRecord>();
}
