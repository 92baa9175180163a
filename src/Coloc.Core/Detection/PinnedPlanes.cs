using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Coloc.Core.Detection;

/// <summary>
/// Pinned work planes for the LoG filters, kept alive as long as this object. Consecutive planes start one cache line
/// further into their allocation (modulo 64 lines), so the 2r+1 rows or planes a pass reads at once do not all fall
/// into the same L1 set (a 512-wide row of doubles is exactly 4 KiB).
/// </summary>
internal sealed unsafe class PinnedPlanes
{
    private const int LineBytes = 64, Lines = 64;
    private readonly List<Array> _keep = new();
    private int _stagger;

    /// <summary>A new pinned, uninitialised plane of <paramref name="length"/> elements.</summary>
    public T* Next<T>(int length) where T : unmanaged
    {
        int line = LineBytes / sizeof(T);
        var a = GC.AllocateUninitializedArray<T>(checked(length + line * Lines), pinned: true);
        _keep.Add(a);
        return (T*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(a)) + line * (_stagger++ % Lines);
    }
}
