namespace Coloc.Core.Matching;

/// <summary>
/// Deterministic per-match colours: hue advances by the golden angle per row (well separated neighbours),
/// full saturation, value 1. Colours are 0xAARRGGBB with alpha 255.
/// </summary>
public static class MatchColors
{
    private const double GoldenAngleDegrees = 137.50776405003785;

    /// <summary>Colours for rows 0..<paramref name="count"/>−1.</summary>
    public static uint[] For(int count)
    {
        var c = new uint[count];
        for (int i = 0; i < count; i++) c[i] = At(i);
        return c;
    }

    /// <summary>The colour of row <paramref name="index"/>.</summary>
    public static uint At(int index)
    {
        double h = (index * GoldenAngleDegrees) % 360.0 / 60.0;
        int sector = (int)h;
        double f = h - sector;
        byte up = (byte)Math.Round(255 * f), down = (byte)Math.Round(255 * (1 - f));
        (byte r, byte g, byte b) = sector switch
        {
            0 => ((byte)255, up, (byte)0),
            1 => (down, (byte)255, (byte)0),
            2 => ((byte)0, (byte)255, up),
            3 => ((byte)0, down, (byte)255),
            4 => (up, (byte)0, (byte)255),
            _ => ((byte)255, (byte)0, down),
        };
        return 0xFF000000u | ((uint)r << 16) | ((uint)g << 8) | b;
    }
}
