using Coloc.Core.Geometry;

namespace Coloc.Core.Geometry;

/// <summary>One block of a stack grid.</summary>
/// <param name="Index">Position in z-major order (0-based).</param>
/// <param name="Coord">Grid coordinate z,y,x.</param>
/// <param name="Offset">First voxel z,y,x.</param>
/// <param name="Shape">Extent z,y,x, voxels.</param>
public readonly record struct Block(int Index, ZyxInt Coord, ZyxInt Offset, ZyxInt Shape)
{
    /// <summary>The block as a half-open box in voxels.</summary>
    public Box Box => new(Offset.ToZyx(), Shape.ToZyx());
}
