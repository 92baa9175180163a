using Coloc.TestKit;

namespace Coloc.Fiji.Tests.ImageJ;

/// <summary>Where the Fiji tests keep their screenshots: out/screenshots/ under the repository (git-ignored), one PNG per view.</summary>
public static class TestScreenshots
{
    /// <summary>The folder, created on first use.</summary>
    public static string Dir
    {
        get
        {
            var dir = Path.Combine(RepoPaths.RepoRoot, "out", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    /// <summary>Copies a PNG a test made to <see cref="Dir"/>/<paramref name="name"/>, after checking it is a PNG.</summary>
    public static void Keep(string png, string name)
    {
        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 500 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', $"{png} is not a PNG");
        File.Copy(png, Path.Combine(Dir, name), true);
    }
}
