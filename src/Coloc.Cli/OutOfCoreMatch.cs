using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Matching.Exact;
using Coloc.Core.Parameters;
using Coloc.IO.Csv;
using Coloc.IO.Results;
using Coloc.IO.Slabs;

namespace Coloc.Cli;

/// <summary>
/// <c>coloc match</c> out of core: whether a run goes slab by slab (<see cref="MatchParameters.OutOfCore"/>,
/// <see cref="MatchParameters.SlabMemory"/>), and the run itself: blobs streamed from the CSV into slab files next
/// to the output folder (<see cref="SlabFileSet"/>), swept by <see cref="SlabColocalizer"/>, rows streamed into the
/// folder (<see cref="SlabResultWriter"/>); the slab files are deleted whatever happens. <c>--max-channels</c> is
/// checked as in memory: before streaming when <c>--channels</c> is given, else once the slab files are written and
/// before any pair is matched or any output written.
/// </summary>
internal static class OutOfCoreMatch
{
    /// <summary>True when the run goes out of core: forced, or in auto mode when the planned in-memory run exceeds the budget.</summary>
    /// <exception cref="ParameterException">Forced on a run it cannot do (magmap mode, a database).</exception>
    public static bool Chosen(IParameterValues values, MatchRequest request, string blobPath, string? dbPath)
    {
        string choice = values.Choice(MatchParameters.OutOfCore);
        if (choice == "off") return false;
        bool forced = choice == "on";
        if (request.Mode != MatchMode.Exact)
            return forced ? throw new ParameterException(MatchParameters.OutOfCore, "exact mode only ({0} exact)", MatchParameters.Mode) : false;
        if (dbPath is not null)
            return forced ? throw new ParameterException(MatchParameters.OutOfCore, "not with {0} (write a folder, then load it)", SharedParameters.Database) : false;
        return forced || ExactMemoryPlan.InMemoryBytes(BlobCsv.EstimateCount(blobPath)) > BudgetBytes(values);
    }

    /// <summary>
    /// Runs the match out of core into <paramref name="outDir"/>, slabs cut along the axis of
    /// <see cref="ExactMemoryPlan.CutAxis"/> over the ROI or the stack; returns the summary, the number of slabs and the axis (0 = z, 1 = y, 2 = x).
    /// </summary>
    public static (MatchSummary Summary, int Slabs, int Axis) Run(IParameterValues values, MatchRequest request, string blobPath, string outDir)
    {
        var options = MatchEngine.ExactOptions(request);
        if (request.Channels is not null) Commands.MatchCommand.CheckChannels(values, request, 0);
        int slabs = ExactMemoryPlan.SlabCount(BlobCsv.EstimateCount(blobPath), BudgetBytes(values));
        var (origin, extent) = request.Roi is { } roi ? (roi.Offset, roi.Size) : (Zyx.All(0), request.ShapeVoxels!.Value.ToZyx());
        int axis = ExactMemoryPlan.CutAxis(extent, options.TolVoxels, slabs);
        using var files = SlabFileSet.Create(TempParent(outDir), axis, origin[axis], origin[axis] + extent[axis], slabs,
            chunk => BlobCsv.ReadChunks(blobPath, request.Threads, chunk));
        Commands.MatchCommand.CheckChannels(values, request, files.BlobsPerChannel.Count);
        var run = new SlabColocalizer(files, options, files);
        return (SlabResultWriter.Write(outDir, run, files.BlobsPerChannel, request.Threads, request), slabs, axis);
    }

    private static long BudgetBytes(IParameterValues values) =>
        (long)values.Integer(MatchParameters.SlabMemory, int.Parse(MatchParameters.SlabMemory.Default!, System.Globalization.CultureInfo.InvariantCulture)) << 20;

    /// <summary>The folder that holds the output folder, or its nearest existing ancestor.</summary>
    private static string TempParent(string outDir)
    {
        var d = Path.GetDirectoryName(Path.GetFullPath(outDir));
        while (d is not null && !Directory.Exists(d)) d = Path.GetDirectoryName(d);
        return d ?? Path.GetTempPath();
    }
}
