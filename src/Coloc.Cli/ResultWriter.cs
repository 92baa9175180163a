using Coloc.Cli.Commands;
using Coloc.Core.Pipeline;
using Coloc.IO;
using Coloc.IO.Plan;

namespace Coloc.Cli;

/// <summary>Writes a pipeline result (<c>coloc run</c>, <c>coloc merge</c>): the database first when asked (ids then appear in the match CSVs), then the result folder.</summary>
public static class ResultWriter
{
    /// <summary>Writes <paramref name="result"/> into <paramref name="outDir"/> (and <paramref name="dbPath"/> when not null) and returns what was stored.</summary>
    /// <param name="outDir">Result folder.</param>
    /// <param name="dbPath">Database file, or null.</param>
    /// <param name="expName">Experiment name in the database, or null for the image file name without extension.</param>
    /// <param name="spec">The plan (names the image).</param>
    /// <param name="result">The result.</param>
    public static PipelineResult Write(string outDir, string? dbPath, string? expName, PlanSpec spec, PipelineResult result)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(result);
        if (expName is not null && dbPath is null) throw new UsageException("--exp-name: needs --db");
        if (dbPath is not null)
            result = result with { Matches = DbStore.Insert(dbPath, result.Matches, expName ?? Path.GetFileNameWithoutExtension(spec.ImagePath)) };
        RunOutput.Write(outDir, result);
        return result;
    }
}
