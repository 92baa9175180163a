using System.Collections.Concurrent;
using Coloc.Core.Matching;

namespace Coloc.Native.CAbi;

/// <summary>
/// Match results kept on the native side between <c>coloc_match</c> and <c>coloc_result_free</c>, under opaque
/// handles (positive 64-bit numbers, never reused in a process): the caller reads the tables and writes the files of
/// the very result, so <c>coloc_result_write</c> gives exactly the files <c>coloc match --out</c> writes.
/// </summary>
public static class MatchResults
{
    private static readonly ConcurrentDictionary<long, MatchResult> Live = new();
    private static long _next;

    /// <summary>One result: the matches and their summary, and the thread count of the run (for writing).</summary>
    public sealed record MatchResult(MatchSet Matches, MatchSummary Summary, MatchRequest Request);

    /// <summary>Keeps <paramref name="result"/> and returns its handle.</summary>
    public static long Add(MatchResult result)
    {
        long h = Interlocked.Increment(ref _next);
        Live[h] = result;
        return h;
    }

    /// <summary>The result of <paramref name="handle"/>.</summary>
    /// <exception cref="ArgumentException">Unknown or released handle.</exception>
    public static MatchResult Get(long handle) =>
        Live.TryGetValue(handle, out var r) ? r : throw new ArgumentException($"result: unknown or released handle {handle}");

    /// <summary>Releases <paramref name="handle"/>; false when it was unknown.</summary>
    public static bool Remove(long handle) => Live.TryRemove(handle, out _);
}
