namespace Coloc.Core.Regions;

/// <summary>Where <see cref="GridScaler.Place"/> puts one coordinate.</summary>
public enum GridPlacement
{
    /// <summary>The rounded index is inside the grid on every axis.</summary>
    Inside,

    /// <summary>Rounded past the last index on at least one axis and clipped to it (as MagellanMapper clips); counted.</summary>
    ClippedAtTop,

    /// <summary>Rounded below 0 on at least one axis, or not finite: not counted, reported apart.</summary>
    Outside,
}
