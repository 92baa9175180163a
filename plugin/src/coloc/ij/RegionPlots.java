package coloc.ij;

import ij.gui.Plot;
import ij.measure.ResultsTable;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coloc Regions' ImageJ plots per channel pair (1-based names as the table's columns): "Coloc Regions enrichment
 * C&lt;a&gt;_C&lt;b&gt;", the enrichment (observed / expected matches) of every region with its 95 % interval and the
 * line of no enrichment; "Coloc Regions L(r) C&lt;a&gt;_C&lt;b&gt;", the cross-L function of the regions with the most
 * matches (at most {@link #MAX_CURVES}), each with the null draws' envelope (min and max, the same colour lighter) and
 * the line L(r) = r (dotted).
 */
final class RegionPlots {
    /** Most regions drawn in one L(r) plot. */
    static final int MAX_CURVES = 8;

    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private RegionPlots() {
    }

    static void show(RegionsRunner.Outcome o, ResultsTable rt) {
        for (int k = 0; k < o.pairs.size(); k++) {
            Plot e = enrichment(o, rt, o.pairs.get(k));
            if (e != null) {
                e.show();
            }
            Plot l = lFunction(o, rt, o.pairs.get(k), o.lCurves.get(k));
            if (l != null) {
                l.show();
            }
        }
    }

    /** The enrichment plot of one pair, or null when no region has an enrichment (no null draws). */
    static Plot enrichment(RegionsRunner.Outcome o, ResultsTable rt, String pair) {
        String col = "enrichment_" + pair;
        if (!rt.columnExists(col)) {
            return null;
        }
        List<double[]> pts = new ArrayList<double[]>();
        double top = 1;
        for (int r = 0; r < rt.size(); r++) {
            double v = rt.getValue(col, r);
            if (Double.isNaN(v)) {
                continue;
            }
            double lo = rt.getValue("enrichment_lo95_" + pair, r);
            double hi = rt.getValue("enrichment_hi95_" + pair, r);
            pts.add(new double[] {r + 1, v, lo, hi});
            top = Math.max(top, Double.isNaN(hi) ? v : hi);
        }
        if (pts.isEmpty()) {
            return null;
        }
        Plot p = new Plot("Coloc Regions enrichment " + pair, "Region (row of the table)", "Enrichment (observed / expected matches)");
        p.setLimits(0, rt.size() + 1, 0, top * 1.35);
        p.setColor(Color.gray);
        p.drawDottedLine(0, 1, rt.size() + 1, 1, 3);
        p.setColor(Color.black);
        p.setLineWidth(2);
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            double[] q = pts.get(i);
            x[i] = q[0];
            y[i] = q[1];
            if (!Double.isNaN(q[2]) && !Double.isNaN(q[3])) {
                p.drawLine(q[0], q[2], q[0], q[3]);
                p.drawLine(q[0] - 0.15, q[2], q[0] + 0.15, q[2]);
                p.drawLine(q[0] - 0.15, q[3], q[0] + 0.15, q[3]);
            }
        }
        p.setColor(new Color(0xd62728), new Color(0xd62728));
        p.addPoints(x, y, Plot.CIRCLE);
        p.setLineWidth(1);
        p.setColor(Color.darkGray);
        p.setJustification(Plot.CENTER);
        if (rt.size() <= 40) {
            for (int i = 0; i < pts.size(); i++) {
                double[] q = pts.get(i);
                p.addText(o.shortNames.get((int) q[0] - 1), q[0], (Double.isNaN(q[3]) ? q[1] : q[3]) + top * 0.04);
            }
        }
        p.addLegend("95 % interval (exact Poisson) and enrichment; dotted: no enrichment (1)");
        return p;
    }

    /** The L(r) plot of one pair, or null without curves. */
    static Plot lFunction(RegionsRunner.Outcome o, ResultsTable rt, String pair, String csv) {
        Map<Long, List<double[]>> curves = new LinkedHashMap<Long, List<double[]>>();
        for (String line : csv.split("\n")) {
            if (line.length() == 0 || line.startsWith("label")) {
                continue;
            }
            String[] f = line.split(",", -1);
            double[] v = new double[5];
            for (int i = 0; i < 5; i++) {
                v[i] = f[i + 1].length() == 0 ? Double.NaN : Double.parseDouble(f[i + 1]);
            }
            Long id = Long.valueOf(f[0]);
            if (!curves.containsKey(id)) {
                curves.put(id, new ArrayList<double[]>());
            }
            curves.get(id).add(v);
        }
        if (curves.isEmpty()) {
            return null;
        }
        List<Long> ids = new ArrayList<Long>(curves.keySet());
        final Map<Long, Double> matches = new LinkedHashMap<Long, Double>();
        final Map<Long, Integer> rows = new LinkedHashMap<Long, Integer>();
        for (int r = 0; r < rt.size(); r++) {
            long id = (long) rt.getValue("label", r);
            matches.put(id, rt.columnExists("matches_" + pair) ? rt.getValue("matches_" + pair, r) : 0);
            rows.put(id, r);
        }
        java.util.Collections.sort(ids, new java.util.Comparator<Long>() {
            public int compare(Long a, Long b) {
                return Double.compare(value(matches, b), value(matches, a));
            }
        });
        if (ids.size() > MAX_CURVES) {
            ids = ids.subList(0, MAX_CURVES);
        }
        String title = "Coloc Regions L(r) " + pair;
        Plot p = new Plot(title + (curves.size() > MAX_CURVES ? " (" + MAX_CURVES + " of " + curves.size() + " regions, most matches)" : ""),
                "r (\u00b5m)", "L(r) (\u00b5m)");
        double rMax = 0;
        double lMax = 0;
        for (Long id : ids) {
            for (double[] v : curves.get(id)) {
                rMax = Math.max(rMax, v[0]);
                for (int i = 1; i < 5; i++) {
                    lMax = Double.isNaN(v[i]) ? lMax : Math.max(lMax, v[i]);
                }
            }
        }
        p.setLimits(0, rMax, 0, Math.max(lMax, rMax) * 1.05);
        p.setColor(Color.gray);
        p.drawDottedLine(0, 0, rMax, rMax, 3);
        StringBuilder legend = new StringBuilder();
        for (int c = 0; c < ids.size(); c++) {
            List<double[]> v = curves.get(ids.get(c));
            double[] r = new double[v.size()];
            double[][] cols = new double[4][v.size()];
            for (int i = 0; i < v.size(); i++) {
                r[i] = v.get(i)[0];
                for (int j = 0; j < 4; j++) {
                    cols[j][i] = v.get(i)[j + 1];
                }
            }
            Color color = COLORS[c % COLORS.length];
            p.setColor(color);
            p.setLineWidth(2);
            p.addPoints(r, cols[0], Plot.LINE);
            Integer row = rows.get(ids.get(c));
            legend.append(row == null ? String.valueOf(ids.get(c)) : o.shortNames.get(row)).append('\n');
            p.setLineWidth(1);
            p.setColor(lighter(color));
            p.addPoints(r, cols[2], Plot.LINE);
            legend.append('\n');
            p.addPoints(r, cols[3], Plot.LINE);
            legend.append('\n');
        }
        p.setColor(Color.black);
        p.addLegend(legend.toString());
        p.addLabel(0.01, 0.99, "light: null envelope (min, max); dotted: L(r) = r");
        return p;
    }

    /** The colour halfway to white (the envelope of a curve). */
    private static Color lighter(Color c) {
        return new Color((c.getRed() + 255) / 2, (c.getGreen() + 255) / 2, (c.getBlue() + 255) / 2);
    }

    private static double value(Map<Long, Double> m, Long id) {
        Double v = m.get(id);
        return v == null || Double.isNaN(v) ? -1 : v;
    }
}
