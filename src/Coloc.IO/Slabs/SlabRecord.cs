using System.Runtime.InteropServices;
using Coloc.Core.Blobs;

namespace Coloc.IO.Slabs;

/// <summary>One blob and its input row as stored in a slab file: 7 doubles and a long, 64 bytes, machine byte order.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct SlabRecord(Blob Blob, long Id)
{
    /// <summary>Bytes per record.</summary>
    public static int Size => Marshal.SizeOf<SlabRecord>();
}
