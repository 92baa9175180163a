package coloc.fijitest;

import coloc.ij.ColocNative;
import java.nio.ByteBuffer;
import java.util.Random;

/**
 * Calls every export of libcoloc.so N times with bad arguments (nulls, wrong lengths, NaN, huge sizes, garbage
 * option strings, wrong pixel types) and checks that each call throws a Java exception; then checks the library
 * still answers a good call. Prints one line: "calls=N thrown=N good-after=OK classes=...". Exit code 1 on any miss.
 * Usage: java -cp Coloc_Fiji.jar:classes coloc.fijitest.FuzzNative N seed blobs.csv
 */
public final class FuzzNative {
    private FuzzNative() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        Random rnd = new Random(Long.parseLong(args[1]));
        String goodCsv = args[2];
        ColocNative.load();
        double[] good = ColocNative.readBlobs(goodCsv);
        int thrown = 0;
        java.util.TreeMap<String, Integer> classes = new java.util.TreeMap<String, Integer>();
        for (int i = 0; i < n; i++) {
            int kind = i % 15;
            try {
                call(kind, rnd, good);
                System.out.println("NO EXCEPTION: case " + i + " kind " + kind);
            } catch (Throwable e) {
                thrown++;
                String k = e.getClass().getSimpleName();
                Integer c = classes.get(k);
                classes.put(k, c == null ? 1 : c + 1);
                if (e.getMessage() == null || e.getMessage().length() == 0) {
                    System.out.println("EMPTY MESSAGE: case " + i + " " + e);
                    thrown--;
                }
            }
        }
        double[] m = ColocNative.matchBlobs(good, new int[] {60, 1100, 1100}, new double[] {1, 1, 1}, "mode=magmap", null, null);
        String after = m.length == 176 * ColocNative.MATCH_COLUMNS ? "OK" : "WRONG(" + m.length + ")";
        System.out.println("calls=" + n + " thrown=" + thrown + " good-after=" + after + " classes=" + classes);
        System.exit(thrown == n && after.equals("OK") ? 0 : 1);
    }

    private static String garbage(Random rnd) {
        String[] parts = {"mode=", "magmap", "=[", "]", " ", "profile=[nosuch]", "blobs", "\u0000", "tolerance=[1,2]",
            "unit=furlong", "channels=[0]", "channels=[1,1]", "x=y", "[[[", "mode=exact mode=exact", "tolerance=[nan,1,1]",
            "tolerance=[-1,1,1]", "\u00e9\u4e2d", "output", "channels=[1e300]", "profile=[]"};
        StringBuilder sb = new StringBuilder();
        int k = 1 + rnd.nextInt(4);
        for (int i = 0; i < k; i++) {
            sb.append(parts[rnd.nextInt(parts.length)]);
        }
        String s = sb.toString();
        // every generated string must be invalid: an unknown key guarantees it when the draw happened to be valid
        return s.contains("x=y") || s.contains("[[[") ? s : s + " bogus=" + rnd.nextInt(1000);
    }

    private static void call(int kind, Random rnd, double[] good) {
        int[] shape = {60, 1100, 1100};
        double[] res = {1, 1, 1};
        switch (kind) {
            case 0:
                ColocNative.matchBlobs(null, shape, res, "mode=magmap", null, null);
                break;
            case 1: {
                double[] b = new double[7 * (1 + rnd.nextInt(50)) + 1 + rnd.nextInt(6)];
                ColocNative.matchBlobs(b, shape, res, "mode=magmap", null, null);
                break;
            }
            case 2: {
                double[] b = good.clone();
                b[rnd.nextInt(b.length)] = rnd.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY;
                ColocNative.matchBlobs(b, shape, res, "mode=magmap", null, null);
                break;
            }
            case 3: {
                int[] s = rnd.nextBoolean() ? null : new int[rnd.nextInt(3)];
                ColocNative.matchBlobs(good, s, res, "mode=magmap", null, null);
                break;
            }
            case 4: {
                int[] s = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE - rnd.nextInt(10)};
                if (rnd.nextBoolean()) {
                    s[rnd.nextInt(3)] = -rnd.nextInt(5);
                }
                ColocNative.matchBlobs(good, s, res, "mode=magmap", null, null);
                break;
            }
            case 5: {
                double[] r = {1, 1, 1};
                r[rnd.nextInt(3)] = rnd.nextBoolean() ? Double.NaN : -rnd.nextDouble();
                ColocNative.matchBlobs(good, shape, rnd.nextBoolean() ? r : null, "mode=magmap", null, null);
                break;
            }
            case 6:
                ColocNative.matchBlobs(good, shape, res, garbage(rnd), null, null);
                break;
            case 7:
                ColocNative.matchBlobs(good, shape, res, "mode=magmap", ByteBuffer.allocate(16), new String[rnd.nextInt(1)]);
                break;
            case 8:
                ColocNative.readBlobs(rnd.nextBoolean() ? null : "/nonexistent/" + rnd.nextInt() + ".csv");
                break;
            case 9:
                ColocNative.parameterSpec(rnd.nextBoolean() ? null : "nosuch" + rnd.nextInt(10));
                break;
            case 10: {
                Object[] planes;
                int[] s = {2, 3, 4, 5};
                switch (rnd.nextInt(5)) {
                    case 0: planes = null; break;
                    case 1: planes = new Object[] {new byte[20], new short[20], new byte[20], new byte[20], new byte[20], new byte[20]}; break;
                    case 2: planes = new Object[] {new int[20], new int[20], new int[20], new int[20], new int[20], new int[20]}; break;
                    case 3: planes = new Object[] {new byte[20], null, new byte[20], new byte[20], new byte[20], new byte[20]}; break;
                    default: planes = new Object[] {new byte[19], new byte[20], new byte[20], new byte[20], new byte[20], new byte[20]}; break;
                }
                ColocNative.channelStatistics(planes, s, null);
                break;
            }
            case 12: {
                Object[] planes = {new short[4], new short[4]};
                int[] s = {2, 1, 2, 2};
                double[] b = rnd.nextBoolean() ? new double[] {0, 0, 0, 1, -1, -1, 0.5} : good;
                String opt = rnd.nextBoolean() ? "threshold=[" + (101 + rnd.nextInt(100)) + "]" : garbage(rnd);
                ColocNative.intensityColocalize(rnd.nextInt(4) == 0 ? new Object[] {new float[4], new short[4]} : planes, s, b, opt, null);
                break;
            }
            case 13: {
                String opt = rnd.nextBoolean() ? "database=[/nonexistent.db] channels=[1,2]" : "database=[] channels=[1]";
                int[] off = rnd.nextBoolean() ? new int[] {0, 0} : new int[] {0, -1, 0};
                ColocNative.selectMatches(rnd.nextInt(3) == 0 ? garbage(rnd) : opt, rnd.nextBoolean() ? off : null, null);
                break;
            }
            case 14: {
                Object[] planes = {new byte[64], new byte[64]};
                int[] s = {2, 1, 8, 8};
                double[] r = rnd.nextBoolean() ? new double[] {1, Double.NaN, 1} : (rnd.nextBoolean() ? null : new double[] {1, 1});
                String opt = "profile=[default]";
                if (rnd.nextBoolean()) {
                    r = res;
                    opt = rnd.nextBoolean() ? "channels=[3]" : garbage(rnd);
                }
                ColocNative.detectBlobs(planes, s, r, opt, null);
                break;
            }
            default: {
                Object[] planes = {new float[4]};
                int[] s = rnd.nextBoolean() ? new int[] {1, 1, 65536, 65536} : new int[] {1, Integer.MAX_VALUE, 2, 2};
                ColocNative.channelStatistics(planes, rnd.nextBoolean() ? s : null, null);
                break;
            }
        }
    }
}
