package coloc.fijitest;

import coloc.ij.ColocNative;

/**
 * The hostile inputs of issue 17 through libcoloc.so's exports inside a real JVM. "inputs DIR" runs each case and
 * prints one line per case, "CASE: thrown CLASS: MESSAGE" or "CASE: returned N values in MS ms", then "alive: OK"
 * after a good call (the JVM survived them all); DIR holds v99.db, a MagellanMapper database of schema version 99.
 * "match --blobs F --shape Z,Y,X --tol Z,Y,X --out DIR [--db FILE]" does what {@code coloc match} does with those
 * flags (exact mode, tolerance in voxels; other flags ignored) through one native call, so that
 * tests/hostile/kill9-test.sh can kill a JVM with SIGKILL in the middle of a native call writing CSV files and a
 * database.
 */
public final class HostileNative {
    private HostileNative() {
    }

    public static void main(String[] args) {
        ColocNative.load();
        if (args[0].equals("match")) {
            match(args);
            return;
        }
        String dir = args[1];
        int[] small = {1, 6, 32, 32};
        double[] one = {1, 1, 1};
        Object[] planes = new Object[6];
        for (int z = 0; z < 6; z++) {
            short[] p = new short[32 * 32];
            for (int i = 0; i < p.length; i++) {
                p[i] = (short) (200 + (i * 7919) % 40);
            }
            planes[z] = p;
        }
        double[] pair = {3, 12, 15, 2, -1, -1, 0, 3, 12, 16, 2, -1, -1, 1};
        double[] coincident = new double[2000 * 7];
        for (int i = 0; i < 2000; i++) {
            double[] b = {5, 5, 5, 2, -1, -1, i < 1000 ? 0 : 1};
            System.arraycopy(b, 0, coincident, 7 * i, 7);
        }
        run("rows-2147483647 detect", () -> ColocNative.detectBlobs(new Object[] {new short[16]}, new int[] {1, 1, Integer.MAX_VALUE, 1}, one, "", null));
        run("rows-2147483647 statistics", () -> ColocNative.channelStatistics(new Object[] {new short[16]}, new int[] {1, 1, Integer.MAX_VALUE, 1}, null));
        run("rows-2147483647 intensity", () -> ColocNative.intensityColocalize(new Object[] {new short[16]}, new int[] {1, 1, Integer.MAX_VALUE, 1}, pair, "", null));
        run("rows-2147483647 match", () -> ColocNative.matchBlobs(pair, new int[] {1, Integer.MAX_VALUE, 1}, one, "mode=magmap", null, null));
        // max_sigma_factor = 1e6: the plugin sets it through the largest diameter, d = 2·√3·1e6 µm.
        run("max_sigma_factor=1e6 detect", () -> ColocNative.detectBlobs(planes, small, one, "max_diameter=3464102", null));
        // num_sigma and threads have no plugin key: an unknown key is refused like any other.
        run("num_sigma=100000 detect", () -> ColocNative.detectBlobs(planes, small, one, "num_sigma=100000", null));
        run("threads=2147483647 match", () -> ColocNative.matchBlobs(pair, new int[] {6, 32, 32}, one, "threads=2147483647", null, null));
        double[] tiny = {1e-300, 1e-300, 1e-300};
        run("resolution=1e-300 detect", () -> ColocNative.detectBlobs(planes, small, tiny, "", null));
        run("resolution=1e-300 match exact", () -> ColocNative.matchBlobs(pair, new int[] {6, 32, 32}, tiny, "mode=exact", null, null));
        run("resolution=1e-300 match magmap", () -> ColocNative.matchBlobs(pair, new int[] {6, 32, 32}, tiny, "mode=magmap", null, null));
        run("coincident-1000 match exact", () -> ColocNative.matchBlobs(coincident, new int[] {10, 10, 10}, one, "mode=exact", null, null));
        run("coincident-1000 match magmap", () -> ColocNative.matchBlobs(coincident, new int[] {10, 10, 10}, one, "mode=magmap", null, null));
        String v99 = dir + "/v99.db";
        run("schema-99 match into", () -> ColocNative.matchBlobs(pair, new int[] {6, 32, 32}, one, "mode=exact database=[" + v99 + "] experiment=[e]", null, null));
        run("schema-99 select", () -> ColocNative.selectMatches("database=[" + v99 + "] channels=[1,2]", null, null));
        double[] good = ColocNative.matchBlobs(pair, new int[] {6, 32, 32}, one, "mode=exact", null, null);
        System.out.println("alive: " + (good.length == ColocNative.MATCH_COLUMNS ? "OK" : "WRONG(" + good.length + ")"));
    }

    private static void match(String[] args) {
        String blobs = null;
        String out = null;
        String db = null;
        String tol = null;
        int[] shape = null;
        for (int i = 1; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            if (args[i].equals("--blobs")) {
                blobs = v;
            } else if (args[i].equals("--out")) {
                out = v;
            } else if (args[i].equals("--db")) {
                db = v;
            } else if (args[i].equals("--tol")) {
                tol = v;
            } else if (args[i].equals("--shape")) {
                String[] p = v.split(",");
                shape = new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
            }
        }
        String options = "mode=exact output=[" + out + "]" + (tol == null ? "" : " unit=pixel tolerance=[" + tol + "]")
                + (db == null ? "" : " database=[" + db + "] experiment=[kill9]");
        double[] m = ColocNative.matchBlobs(ColocNative.readBlobs(blobs), shape, new double[] {1, 1, 1}, options, null, null);
        System.out.println("wrote " + m.length / ColocNative.MATCH_COLUMNS + " matches to " + out);
    }

    private interface Call {
        double[] run();
    }

    private static void run(String name, Call c) {
        long t0 = System.nanoTime();
        try {
            double[] r = c.run();
            System.out.println(name + ": returned " + r.length + " values in " + (System.nanoTime() - t0) / 1000000 + " ms");
        } catch (Throwable e) {
            System.out.println(name + ": thrown " + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
        System.out.flush();
    }
}
