"""Reads a Coloc-written database the way MagellanMapper's reader does (spec 6.1, 6.5, 6.6), with Python's
standard sqlite3 module only, and prints the selected matches, one per line:
c1,c2,MatchID,RoiID,Blob1ID,Blob2ID,dist,blob1 z..channel,blob2 z..channel (floats as repr).

usage: magmap_reader.py DB EXP_NAME CHANNELS [OFFSET_ZYX SHAPE_ZYX]   (vectors as a,b,c)
Exit 1 with a message on stderr when the file is not a database MagellanMapper would open without upgrading.
"""
import sqlite3
import sys


def main(argv):
    path, exp_name, channels = argv[1], argv[2], [int(c) for c in argv[3].split(",")]
    offset = [float(v) for v in argv[4].split(",")] if len(argv) > 5 else None
    shape = [float(v) for v in argv[5].split(",")] if len(argv) > 5 else None
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    cur = conn.cursor()
    conn.execute("PRAGMA foreign_keys=ON")
    if cur.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        sys.exit("integrity_check failed")
    if cur.execute("PRAGMA foreign_key_check").fetchall():
        sys.exit("foreign_key_check found dangling references")
    abouts = cur.execute("SELECT * FROM about").fetchall()
    if abouts[len(abouts) - 1]["version"] < 4:
        sys.exit("MagellanMapper would upgrade this database")
    exps = cur.execute("SELECT id, name, date FROM experiments WHERE name = ?", (exp_name,)).fetchall()
    if not exps:
        sys.exit("no experiment " + exp_name)
    roi = cur.execute(
        "SELECT * FROM rois WHERE experiment_id = ? AND offset_x = ? AND offset_y = ? AND offset_z = ? AND "
        "size_x = ? AND size_y = ? AND size_z = ?", (exps[0][0], 0, 0, 0, 0, 0, 0)).fetchone()
    if roi is None:
        sys.exit("no whole-image ROI")
    blob_cols = ["z", "y", "x", "radius", "confirmed", "truth", "channel"]
    sel = ", ".join("b{0}.{1} AS b{0}_{1}".format(n, c) for n in (1, 2) for c in blob_cols)
    stmnt = ("SELECT m.id, m.roi_id, m.blob1, m.blob2, m.dist, " + sel + " FROM blob_matches m "
             "JOIN blobs b1 ON m.blob1 = b1.id JOIN blobs b2 ON m.blob2 = b2.id WHERE m.roi_id = ?")
    args = [roi["id"]]
    if offset is not None and shape is not None:
        for n in (1, 2):
            for i, axis in enumerate(("z", "y", "x")):
                stmnt += " AND b{0}.{1} >= ? AND b{0}.{1} < ?".format(n, axis)
                # MagellanMapper binds the bounds as strings
                args += [_text(offset[i]), _text(offset[i] + shape[i])]
    rows = cur.execute(stmnt, args).fetchall()
    for c1 in channels:
        for c2 in channels:
            if c1 >= c2:
                continue
            first = [r for r in rows if r["b1_channel"] == c1]
            if not first:
                continue
            for r in first:
                if r["b2_channel"] != c2:
                    continue
                vals = [r["dist"]] + [r["b{}_{}".format(n, c)] for n in (1, 2) for c in blob_cols]
                print(",".join([str(c1), str(c2), str(r["id"]), str(r["roi_id"]), str(r["blob1"]), str(r["blob2"])]
                               + [repr(float(v)) for v in vals]))


def _text(v):
    return str(int(v)) if float(v).is_integer() else str(v)


if __name__ == "__main__":
    main(sys.argv)
