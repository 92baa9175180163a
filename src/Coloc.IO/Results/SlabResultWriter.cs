using Coloc.Core.Matching;
using Coloc.Core.Matching.Exact;
using Coloc.IO.Csv;
using Coloc.IO.Files;
using Coloc.IO.Json;

namespace Coloc.IO.Results;

/// <summary>
/// Writes an out-of-core exact run (<see cref="SlabColocalizer"/>) into a folder, all-or-nothing, with the bytes of
/// <see cref="ResultWriter"/> for the same matches: each <c>matches_c&lt;a&gt;_c&lt;b&gt;.csv</c> is streamed piece by
/// piece as the slabs are swept, then <c>summary.json</c> (with <c>multi_positive</c> when the run has it); every file
/// is staged (<see cref="StagedFolder"/>) and renamed into place only when all are written. No database.
/// </summary>
public static class SlabResultWriter
{
    /// <summary>Runs <paramref name="run"/> pair by pair into <paramref name="folder"/>; returns the summary written.</summary>
    /// <param name="folder">Output folder (created if missing).</param>
    /// <param name="run">The prepared run.</param>
    /// <param name="blobsPerChannel">Input blobs per channel, ascending (summary's <c>blobs_per_channel</c>).</param>
    /// <param name="threads">CSV formatting threads (never changes the bytes).</param>
    /// <param name="request">The request the matches answer: its tolerance and parameters go into <c>summary.json</c> as the in-memory writer puts them.</param>
    /// <param name="cancellationToken">Cancels between pieces.</param>
    /// <exception cref="ColocFormatException">A file cannot be written; nothing was written.</exception>
    public static MatchSummary Write(string folder, SlabColocalizer run, IReadOnlyList<(int Channel, long Blobs)> blobsPerChannel, int threads,
        MatchRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(blobsPerChannel);
        using var staged = new StagedFolder(folder);
        var counts = new List<(ChannelPair Pair, int Count)>();
        foreach (var pair in run.Pairs)
        {
            int count = 0;
            staged.WriteText(pair.FileStem + ".csv", w =>
            {
                MatchCsv.WriteHeader(w);
                foreach (var rows in run.Match(pair, cancellationToken))
                {
                    MatchCsv.WriteRows(w, rows, threads);
                    count += rows.Count;
                }
            });
            counts.Add((pair, count));
        }
        var summary = new MatchSummary("exact", counts, blobsPerChannel.Select(t => (t.Channel, checked((int)t.Blobs))).ToArray())
            { TolVoxels = request?.EffectiveTolVoxels() };
        SummaryFile.Stage(staged, summary, request, run.MultiPositive());
        staged.Commit();
        return summary;
    }
}
