using System.Diagnostics;

namespace Coloc.Cli.Tests.Fuzz;

/// <summary>
/// <c>coloc match</c> on a small blob table with flags and values chosen by the input bytes (each pair of bytes picks
/// a flag and a value): the run must end with exit 0 and a result, or exit 2 with one line and nothing written, within
/// seconds — never exit 1, a trace or a hang.
/// </summary>
internal sealed class CliFlagsHarness : FuzzHarness
{
    private static readonly string[] Flags =
    [
        "--mode", "--profile", "--profile-set", "--tol", "--tol-um", "--roi-offset", "--roi-size", "--inner-padding", "--channels",
        "--shape", "--resolution", "--exp-name", "--threads", "--block-size", "--out-of-core", "--slab-memory", "--max-channels",
        "--columns", "--units", "--roi-channels",
    ];

    private static readonly string[] Values =
    [
        "0", "-1", "1", "2", "3", "1e308", "-1e308", "nan", "inf", "1e-300", "2147483647", "99999999999", "", " ", "a",
        "1,1,1", "0,0,0", "2,2,2", "10,40,40", "-5,3,3", "1e-300,1e-300,1e-300", "1e300,1e300,1e300", "0.0001,0.0001,0.0001",
        "inf,1,1", "nan,1,1", "1,2", "1,1,1,1", "1,,1", "exact", "magmap", "on", "off", "auto", "default", "lightsheet",
        "default,lightsheet", "nosuch", "0,1", "1,0", "0,0", "0,1,2", "-1,0", "num_sigma=100000", "isotropic=1e6,1,1",
        "max_sigma_factor=1e6", "resize_blobs=1,1,1", "z=z,y=y,x=x", "z=a", "um", "voxel", "5", "1K", "'", "\"", "\n", "a'b",
    ];

    public override string Name => "cli";

    public override IReadOnlyList<byte[]> MakeSeeds(string dir) =>
    [
        [0, 28, 9, 18], [12, 15, 17, 17], [13, 32, 15, 31], [2, 17, 3, 26, 12, 5], [14, 9, 0, 29], [8, 36, 6, 25, 9, 18], [1, 40, 1, 43],
    ];

    public override void Run(byte[] input, string dir)
    {
        string csv = Path.Combine(dir, "b.csv"), output = Path.Combine(dir, "out");
        File.WriteAllText(csv, "z,y,x,radius,confirmed,truth,channel\n3,12,15,2,-1,-1,0\n3,12,16,2,-1,-1,1\n5,5,5,1,-1,-1,1\n3,12,15,2,-1,-1,0\n");
        var args = new List<string> { "match", "--blobs", csv, "--out", output };
        if (input.Length == 0 || input[0] % 4 != 0) args.AddRange(["--shape", "10,40,40"]);
        for (int k = 0; k + 1 < input.Length && k < 16; k += 2)
        {
            args.Add(Flags[input[k] % Flags.Length]);
            args.Add(Values[input[k + 1] % Values.Length]);
        }
        var o = new StringWriter();
        var e = new StringWriter();
        var clock = Stopwatch.StartNew();
        int code = Program.Run(args.ToArray(), o, e);
        string err = e.ToString(), line = string.Join(" ", args.Skip(5));
        if (clock.Elapsed > TimeSpan.FromSeconds(20)) throw new FuzzFinding($"took {clock.Elapsed.TotalSeconds:0.0} s: {line}");
        if (code == 0)
        {
            if (!File.Exists(Path.Combine(output, "summary.json"))) throw new FuzzFinding($"exit 0 without summary.json: {line}");
            return;
        }
        if (code != 2) throw new FuzzFinding($"exit {code}: {line}: {err}");
        if (err.TrimEnd('\n').Contains('\n', StringComparison.Ordinal) || !err.StartsWith("coloc: ", StringComparison.Ordinal))
            throw new FuzzFinding($"not one line: {line}: {err}");
        if (Directory.Exists(output)) throw new FuzzFinding($"exit 2 but {output} was written: {line}");
    }
}
