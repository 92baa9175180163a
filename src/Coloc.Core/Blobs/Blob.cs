using Coloc.Core.Geometry;

namespace Coloc.Core.Blobs;

/// <summary>
/// One blob with MagellanMapper's seven canonical columns (<c>z,y,x,radius,confirmed,truth,channel</c>),
/// all stored as doubles as MagellanMapper does.
/// </summary>
/// <param name="Z">z coordinate, voxels, relative to the image origin.</param>
/// <param name="Y">y coordinate, voxels.</param>
/// <param name="X">x coordinate, voxels.</param>
/// <param name="Radius">Radius, voxels (detection: LoG sigma × √3).</param>
/// <param name="Confirmed">−1 unverified, 0 no, 1 yes, 2 maybe.</param>
/// <param name="Truth">−1 not a truth blob, 0 truth blob without a match, 1 truth blob with a match.</param>
/// <param name="Channel">0-based channel index, stored as a double.</param>
public readonly record struct Blob(
    double Z, double Y, double X, double Radius, double Confirmed, double Truth, double Channel)
{
    /// <summary>The number of canonical columns.</summary>
    public const int CanonicalColumnCount = 7;

    /// <summary>The centre z,y,x in voxels.</summary>
    public Zyx Center => new(Z, Y, X);

    /// <summary>A copy with <see cref="Confirmed"/> and <see cref="Truth"/> set to −1 (as MagellanMapper resets match flags).</summary>
    public Blob WithFlagsCleared() => this with { Confirmed = -1, Truth = -1 };

    /// <summary>The canonical column value by index 0..6.</summary>
    public double this[int column] => column switch
    {
        0 => Z,
        1 => Y,
        2 => X,
        3 => Radius,
        4 => Confirmed,
        5 => Truth,
        6 => Channel,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "canonical blob columns are 0..6"),
    };

    /// <summary>Lexicographic comparison on z, then y, then x (MagellanMapper's <c>sort_blobs</c> keys).</summary>
    public static int CompareZyx(in Blob a, in Blob b)
    {
        int c = a.Z.CompareTo(b.Z);
        if (c != 0) return c;
        c = a.Y.CompareTo(b.Y);
        return c != 0 ? c : a.X.CompareTo(b.X);
    }
}
