using Coloc.Core.Regions;
using ScottPlot;

namespace Coloc.Plots;

/// <summary>
/// PNG pictures of a per-region result for one channel pair: the enrichment per region with its 95 % interval
/// (<see cref="Enrichment"/>) and the L(r) curves with their null envelopes (<see cref="LFunction"/>). Regions shown
/// are the most significant ones (smallest q, then p, then id), at most <see cref="MaxEnrichmentRegions"/> and
/// <see cref="MaxCurveRegions"/>, so the pictures stay readable for atlases with hundreds of regions.
/// </summary>
public static class RegionPlots
{
    /// <summary>Regions in the enrichment plot, at most.</summary>
    public const int MaxEnrichmentRegions = 40;

    /// <summary>Regions (panels) in the L(r) plot, at most.</summary>
    public const int MaxCurveRegions = 9;

    /// <summary>
    /// Enrichment (observed / expected matches) per region as points with the exact Poisson 95 % interval as error
    /// bars, regions with q ≤ 0.05 in red, a dashed line at 1 (the null). PNG bytes, <paramref name="widthPx"/> ×
    /// <paramref name="heightPx"/> pixels. Regions without an expectation (no blob of a channel) are left out.
    /// </summary>
    /// <param name="rows">The region rows.</param>
    /// <param name="stats">The pair's statistics (row order).</param>
    /// <param name="label">Short text per region id (tick labels).</param>
    /// <param name="title">Plot title, e.g. <c>matches c0-c1 per region</c>.</param>
    /// <param name="widthPx">Width, pixels (default 1200).</param>
    /// <param name="heightPx">Height, pixels (default 600).</param>
    public static byte[] Enrichment(IReadOnlyList<RegionRow> rows, RegionStatistics stats, Func<long, string> label, string title,
        int widthPx = 1200, int heightPx = 600)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(label);
        var shown = Enumerable.Range(0, rows.Count).Where(r => double.IsFinite(stats.Enrichment[r]))
            .OrderBy(r => double.IsNaN(stats.Q[r]) ? 2 : stats.Q[r]).ThenBy(r => stats.P[r]).ThenBy(r => rows[r].Label)
            .Take(MaxEnrichmentRegions).ToArray();
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel("enrichment (observed / expected matches)");
        plot.XLabel(shown.Length < rows.Count ? $"region ({shown.Length} most significant of {rows.Count})" : "region");
        foreach (bool significant in new[] { false, true })
        {
            var part = shown.Select((r, i) => (r, i)).Where(t => (stats.Q[t.r] <= 0.05) == significant).ToArray();
            if (part.Length == 0) continue;
            var color = significant ? Colors.Red : Colors.Blue;
            double[] xs = part.Select(t => (double)t.i).ToArray();
            double[] ys = part.Select(t => stats.Enrichment[t.r]).ToArray();
            var bars = plot.Add.ErrorBar(xs, ys, new double[xs.Length]);
            bars.YErrorNegative = part.Select(t => stats.Enrichment[t.r] - stats.EnrichmentLow[t.r]).ToArray();
            bars.YErrorPositive = part.Select(t => stats.EnrichmentHigh[t.r] - stats.Enrichment[t.r]).ToArray();
            bars.Color = color;
            var points = plot.Add.ScatterPoints(xs, ys, color);
            points.MarkerSize = 7;
            points.LegendText = significant ? "q ≤ 0.05" : "q > 0.05";
        }
        plot.Add.HorizontalLine(1, 1, Colors.Gray, LinePattern.Dashed);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            shown.Select((r, i) => (double)i).ToArray(), shown.Select(r => label(rows[r].Label)).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 90;
        plot.Axes.SetLimitsX(-1, Math.Max(shown.Length, 1));
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }

    /// <summary>
    /// L(r) per region (one panel each, up to <see cref="MaxCurveRegions"/>, most significant first): the observed
    /// curve, the null envelope (minimum–maximum of the draws, shaded) and its mean, and L = r (dotted, complete
    /// spatial randomness without borders). PNG bytes.
    /// </summary>
    /// <param name="rows">The region rows.</param>
    /// <param name="stats">The pair's statistics (for the order and the panel titles).</param>
    /// <param name="curves">The pair's curves.</param>
    /// <param name="label">Short text per region id.</param>
    /// <param name="widthPx">Width, pixels (default 1200).</param>
    /// <param name="heightPx">Height, pixels (default 1000).</param>
    public static byte[] LFunction(IReadOnlyList<RegionRow> rows, RegionStatistics stats, LCurves curves, Func<long, string> label,
        int widthPx = 1200, int heightPx = 1000)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentNullException.ThrowIfNull(label);
        var shown = Enumerable.Range(0, rows.Count).Where(r => curves.Observed[r].Any(double.IsFinite))
            .OrderBy(r => double.IsNaN(stats.Q[r]) ? 2 : stats.Q[r]).ThenBy(r => double.IsNaN(stats.P[r]) ? 2 : stats.P[r]).ThenBy(r => rows[r].Label)
            .Take(MaxCurveRegions).ToArray();
        int columns = shown.Length <= 1 ? 1 : shown.Length <= 4 ? 2 : 3;
        int gridRows = Math.Max(1, (shown.Length + columns - 1) / columns);
        var multi = new Multiplot();
        multi.AddPlots(Math.Max(1, shown.Length));
        multi.Layout = new ScottPlot.MultiplotLayouts.Grid(gridRows, columns);
        double[] r0 = [0, .. curves.RadiiUm];
        for (int i = 0; i < shown.Length; i++)
        {
            int g = shown[i];
            var plot = multi.GetPlot(i);
            string q = double.IsFinite(stats.Q[g]) ? $", q = {stats.Q[g]:0.###}" : "";
            plot.Title($"{label(rows[g].Label)}{q}", 12);
            plot.XLabel("r (µm)", 11);
            plot.YLabel("L(r) (µm)", 11);
            double[] Zero(double[] v) => [0, .. v.Select(x => double.IsFinite(x) ? x : 0)];
            if (curves.NullLow[g].Any(double.IsFinite))
            {
                var band = plot.Add.FillY(r0, Zero(curves.NullLow[g]), Zero(curves.NullHigh[g]));
                band.FillStyle.Color = Colors.Gray.WithAlpha(0.35);
                band.LineWidth = 0;
                var mean = plot.Add.ScatterLine(r0, Zero(curves.NullMean[g]), Colors.Black);
                mean.LinePattern = LinePattern.Dashed;
            }
            var csr = plot.Add.ScatterLine(r0, r0, Colors.Gray);
            csr.LinePattern = LinePattern.Dotted;
            var observed = plot.Add.ScatterLine(r0, Zero(curves.Observed[g]), Colors.Red);
            observed.LineWidth = 2;
        }
        if (shown.Length == 0) multi.GetPlot(0).Title("no region has blobs of both channels");
        using var image = multi.Render(widthPx, heightPx);
        return image.GetImageBytes(ImageFormat.Png, 100);
    }
}
