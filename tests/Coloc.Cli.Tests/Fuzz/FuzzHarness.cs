namespace Coloc.Cli.Tests.Fuzz;

/// <summary>
/// One fuzz target: seeds, and a run on one input that may only fail the documented way (for the readers a
/// <see cref="IO.ColocFormatException"/> naming the file; for the command line exit 0, or exit 2 with one line).
/// Anything else is a crash: <see cref="Run"/> throws <see cref="FuzzFinding"/> or lets the unexpected exception out.
/// </summary>
internal abstract class FuzzHarness
{
    /// <summary>Name of the harness and of its corpus folder under <c>tests/fuzz</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Seeds made in <paramref name="dir"/> (the committed corpus is added to them).</summary>
    public abstract IReadOnlyList<byte[]> MakeSeeds(string dir);

    /// <summary>Runs <paramref name="input"/> (files go into <paramref name="dir"/>, emptied by the caller).</summary>
    public abstract void Run(byte[] input, string dir);

    /// <summary>The harnesses, in the order they run.</summary>
    public static IReadOnlyList<FuzzHarness> All { get; } =
    [
        new FileReaderHarness("csv", ".csv", FuzzSeeds.Csv),
        new FileReaderHarness("npz", ".npz", FuzzSeeds.Npz),
        new FileReaderHarness("xml", ".xml", FuzzSeeds.Xml),
        new FileReaderHarness("roi", ".zip", FuzzSeeds.RoiSet),
        new TiffHarness(),
        new DatabaseHarness(),
        new CliFlagsHarness(),
    ];
}

/// <summary>A crash found by a harness (wrong exit code, several lines, something written on refusal).</summary>
internal sealed class FuzzFinding(string message) : Exception(message);
