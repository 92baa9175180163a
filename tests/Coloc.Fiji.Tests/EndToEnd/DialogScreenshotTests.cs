using Coloc.Fiji.Tests.ImageJ;

namespace Coloc.Fiji.Tests.EndToEnd;

/// <summary>The Match Blobs dialog in ImageJ's GUI under Xvfb, captured as out/screenshots/match-blobs-dialog.png.</summary>
[Collection(ImageJCollection.Name)]
public sealed class DialogScreenshotTests
{
    [Fact]
    public void MatchBlobsDialog_GuiUnderXvfb_OpensAndIsCaptured()
    {
        using var ij = new ImageJHost();
        var macro = Path.Combine(ij.Dir, "show.ijm");
        File.WriteAllText(macro, """
            newImage("demo", "8-bit black", 200, 150, 2, 5, 1);
            run("Match Blobs");
            """);
        var png = Path.Combine(TestScreenshots.Dir, "match-blobs-dialog.png");
        File.Delete(png);
        var script = Path.Combine(AppContext.BaseDirectory, "gui", "dialog-screenshot.sh");
        var r = ImageJHost.RunRetryingXvfbStart(["-k", "10", "240", "xvfb-run", "-a", "-s", "-screen 0 1024x768x24", "bash", script,
            ImageJHost.IjJar, ij.Dir, macro, png], ij.Dir);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("dialog=shown", r.Stdout);
        Assert.Contains("\"Match Blobs\"", r.Stdout);
        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', $"{png} is not a PNG");
    }
}
