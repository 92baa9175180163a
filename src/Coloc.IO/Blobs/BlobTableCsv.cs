using Coloc.IO.Csv;

namespace Coloc.IO.Blobs;

/// <summary>
/// Writes a <see cref="BlobTable"/> as Coloc's CSV: <see cref="BlobCsv.Header"/>, then the further columns in order
/// (numbers as <see cref="CsvNumber"/> writes them, <c>nan</c> where a blob has no value). <see cref="BlobCsv.Read(string, int)"/>
/// reads it back (further columns are ignored).
/// </summary>
internal static class BlobTableCsv
{
    public static void Write(string path, BlobTable table) => Files.AtomicFile.WriteText(path, w =>
    {
        w.Write(BlobCsv.Header);
        foreach (var name in table.ExtraColumns) { w.Write(','); w.Write(name); }
        w.Write('\n');
        int extras = table.ExtraColumns.Count;
        for (int r = 0; r < table.Blobs.Length; r++)
        {
            var b = table.Blobs[r];
            for (int k = 0; k < Core.Blobs.Blob.CanonicalColumnCount; k++)
            {
                if (k > 0) w.Write(',');
                CsvNumber.Write(w, b[k]);
            }
            for (int e = 0; e < extras; e++)
            {
                w.Write(',');
                CsvNumber.Write(w, table.ExtraValues[r * extras + e]);
            }
            w.Write('\n');
        }
    });
}
