namespace Coloc.Native.Pixels;

/// <summary>Receives one pinned plane (channel <paramref name="c"/>, slice <paramref name="z"/>, Y·X values row-major), valid only during the call.</summary>
public delegate void PlaneVisitor<T>(int c, int z, ReadOnlySpan<T> plane);
