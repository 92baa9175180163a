using Coloc.Core.Geometry;

namespace Coloc.Core.Image;

/// <summary>
/// A 3D single-channel image read plane by plane, z,y,x. A plane is <c>Shape.Y × Shape.X</c> values, row-major (x
/// fastest). Implementations may hold the whole volume (<see cref="ArrayVolume{T}"/>), one array per plane (ImageJ
/// stacks, zero-copy) or read planes from a file on demand.
/// </summary>
/// <typeparam name="T">Pixel type: <see cref="byte"/>, <see cref="ushort"/>, <see cref="int"/>, <see cref="uint"/> or <see cref="float"/>.</typeparam>
public interface IVolume<T> where T : unmanaged
{
    /// <summary>Shape z,y,x in voxels.</summary>
    ZyxInt Shape { get; }

    /// <summary>Plane <paramref name="z"/> (0 ≤ z &lt; Shape.Z), <c>Shape.Y × Shape.X</c> values, row-major.</summary>
    ReadOnlySpan<T> Plane(int z);
}
