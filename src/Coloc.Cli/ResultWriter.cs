using Coloc.Core.Pipeline;
using Coloc.IO;
using Coloc.IO.Plan;

namespace Coloc.Cli;

/// <summary>Writes a pipeline result (<c>coloc run</c>, <c>coloc merge</c>): the result folder, and the database when asked.</summary>
public static class ResultWriter
{
    /// <summary>Writes <paramref name="result"/> into <paramref name="outDir"/> (and <paramref name="dbPath"/> when not null).</summary>
    public static void Write(string outDir, string? dbPath, PlanSpec spec, PipelineResult result)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (dbPath is not null) throw new UsageException("--db: the results database is not available in this build yet");
        RunOutput.Write(outDir, result);
    }
}
