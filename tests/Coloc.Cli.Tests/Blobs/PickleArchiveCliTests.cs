using Coloc.Cli;
using Coloc.TestKit;

namespace Coloc.Cli.Tests.Blobs;

/// <summary>
/// A MagellanMapper archive written by numpy whose object members are pickles that call <c>os.system</c> when
/// unpickled: <c>coloc blobs</c> and <c>coloc match</c> read its blobs and never run that code (the marker file the
/// pickle would create stays absent); numpy's own <c>np.load(allow_pickle=True)</c> then shows the file really does
/// run code.
/// </summary>
public sealed class PickleArchiveCliTests
{
    [Fact]
    public void Code_running_pickles_in_an_archive_are_skipped_and_never_run()
    {
        string dir = RepoPaths.NewTempDir(), npz = Path.Combine(dir, "evil_blobs.npz"), marker = Path.Combine(dir, "PWNED");
        ExternalTool.Python3("""
            import os, sys, numpy as np
            class Evil:
                def __reduce__(self):
                    return (os.system, ("touch " + sys.argv[2],))
            segs = np.array([[1, 2, 3, 1.5, 1, 1, 0], [4, 5, 6, 2.5, 1, 1, 1]], dtype=float)
            np.savez(sys.argv[1], ver=np.array(5), segments=segs,
                     columns=np.array(["z", "y", "x", "radius", "confirmed", "truth", "channel"]),
                     colocs=np.array([Evil(), Evil()], dtype=object), metadata=np.array(Evil(), dtype=object))
            """, npz, marker);

        string csv = Path.Combine(dir, "b.csv"), matchDir = Path.Combine(dir, "m");
        var stdout = new StringWriter();
        Assert.Equal(0, Program.Run(["blobs", "--in", npz, "--out", csv], stdout, TextWriter.Null));
        Assert.Equal(0, Program.Run(["match", "--blobs", npz, "--out", matchDir, "--shape", "10,10,10", "--resolution", "1,1,1"], TextWriter.Null, TextWriter.Null));
        Assert.False(File.Exists(marker), "a pickle ran");
        Assert.Equal(["z,y,x,radius,confirmed,truth,channel", "1,2,3,1.5,1,1,0", "4,5,6,2.5,1,1,1"], File.ReadAllLines(csv));
        Assert.Contains("member 'colocs' skipped (a pickled object; never unpickled)", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("member 'metadata' skipped", stdout.ToString(), StringComparison.Ordinal);

        // The file is what it claims: unpickling it runs the code.
        ExternalTool.Python3("import sys, numpy as np; np.load(sys.argv[1], allow_pickle=True)['colocs']", npz);
        Assert.True(File.Exists(marker), "numpy did not run the pickle: the test file is not dangerous");
    }
}
