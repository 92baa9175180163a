namespace Coloc.Core.Detection;

/// <summary>
/// Splits <c>n</c> rows into a fixed number of chunks run in parallel. The chunk bounds depend only on <c>n</c> and the
/// thread count, and every value is computed by the same code whatever chunk holds it, so results never depend on the
/// thread count.
/// </summary>
internal static class RowChunks
{
    /// <summary>Runs <paramref name="body"/>(first, end) over [0, <paramref name="n"/>) in up to 4·threads chunks.</summary>
    public static void For(int n, int threads, Action<int, int> body)
    {
        int chunks = Math.Min(n, threads * 4);
        if (chunks <= 1 || threads == 1)
        {
            if (n > 0) body(0, n);
            return;
        }
        var opts = new ParallelOptions { MaxDegreeOfParallelism = threads };
        Parallel.For(0, chunks, opts, c => body((int)((long)n * c / chunks), (int)((long)n * (c + 1) / chunks)));
    }
}
