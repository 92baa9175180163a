// Coloc demo: open the bundled sample, match its blobs between the two channels, print the per-pair summary.
// Usage: ImageJ -batch coloc-demo.ijm "sample=[<repo>/macros/sample] output=[<folder>]"   (bash macros/run-demo.sh does this)
// sample: folder holding sample.zip (2-channel hyperstack, 60x1100x1100, 1 um voxels) and blobs.csv (MagellanMapper
// format, the oracle case B01); output: folder for matches_c0_c1.csv and summary.json (default: <temp>/coloc-demo).
arg = getArgument();
sample = call("ij.Macro.getValue", arg, "sample", "");
out = call("ij.Macro.getValue", arg, "output", getDirectory("temp") + "coloc-demo");
if (sample == "") exit("usage: coloc-demo.ijm \"sample=[<repo>/macros/sample] output=[<folder>]\"");
setBatchMode(true);
open(sample + File.separator + "sample.zip");
getVoxelSize(vw, vh, vd, unit);
print("opened " + getTitle() + ": " + getWidth() + "x" + getHeight() + "x" + nSlices/2 + ", 2 channels, voxel " + vd + "," + vh + "," + vw + " " + unit);
run("Match Blobs", "blobs=[" + sample + File.separator + "blobs.csv] mode=magmap profile=[default] output=[" + out + "]");
print(Table.size("Coloc Matches") + " matches in the Coloc Matches table; tables written to " + out);
selectWindow("Coloc Summary");
print("pair  matches  %A  %B");
for (i = 0; i < Table.size; i++)
    print(Table.getString("Pair", i) + "  " + Table.get("Matches", i) + "  " + d2s(Table.get("% A matched", i), 1) + "  " + d2s(Table.get("% B matched", i), 1));
