using System.Text;
using Coloc.Core.Blobs;

namespace Coloc.IO.Csv;

/// <summary>
/// The fast path of <see cref="BlobCsv.Read(string, int)"/>: reads a UTF-8 file in blocks of whole lines and parses
/// each block in parallel pieces (line numbers are counted first, so messages name the right line, and the first bad
/// line in file order is the one reported). Lines are split on <c>\n</c>, <c>\r\n</c> or <c>\r</c> as
/// <see cref="TextReader.ReadLine"/> does; numbers go through <see cref="FastNumber"/> and fall back to
/// <see cref="CsvNumber.TryParse"/>, and a line with non-ASCII bytes through the text path, so results and messages
/// are those of <see cref="BlobCsv.Read(TextReader, string)"/>.
/// </summary>
internal static class BlobCsvReader
{
    private const int DefaultBlockBytes = 32 << 20;

    /// <summary>Reads the blobs; returns null when the file starts with a UTF-16/32 byte order mark (use the text path).</summary>
    /// <param name="path">The file.</param>
    /// <param name="threads">Parser threads.</param>
    /// <param name="blockBytes">Bytes read per block (tests use small blocks to cross block edges).</param>
    public static Blob[]? Read(string path, int threads, int blockBytes = DefaultBlockBytes)
    {
        var parts = new List<Blob[]>();
        if (!ReadChunks(path, threads, parts.Add, blockBytes)) return null;
        if (parts.Count == 1) return parts[0];
        int total = parts.Sum(p => p.Length);
        var all = new Blob[total];
        int o = 0;
        foreach (var p in parts) { p.CopyTo(all, o); o += p.Length; }
        return all;
    }

    /// <summary>
    /// Streams the blobs in row order as consecutive chunks (memory: one block of the file and its blobs); returns
    /// false, having passed nothing, when the file starts with a UTF-16/32 byte order mark (use the text path).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="threads">Parser threads.</param>
    /// <param name="chunk">Receives each chunk of blobs, in row order.</param>
    /// <param name="blockBytes">Bytes read per block.</param>
    public static bool ReadChunks(string path, int threads, Action<Blob[]> chunk, int blockBytes = DefaultBlockBytes)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buf = new byte[(int)Math.Min(blockBytes, Math.Max(4, fs.Length + 1))];
        int have = Fill(fs, buf, 0);
        bool eof = have < buf.Length;
        var head = buf.AsSpan(0, have);
        if (head.StartsWith(new byte[] { 0xFF, 0xFE }) || head.StartsWith(new byte[] { 0xFE, 0xFF }) || head.StartsWith(new byte[] { 0, 0, 0xFE, 0xFF }))
            return false;
        int pos = head.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? 3 : 0;
        // Header: the first line (grow the buffer until it is complete).
        int term;
        while (((term = buf.AsSpan(pos, have - pos).IndexOfAny((byte)'\n', (byte)'\r')) < 0 || pos + term == have - 1) && !eof)
            (buf, have, eof) = Grow(fs, buf, have);
        if (have == pos) throw new ColocFormatException($"{path}: empty file, expected the header '{BlobCsv.Header}'");
        int headerEnd = term < 0 ? have : pos + term;
        var (col, width) = BlobCsv.ParseHeader(Encoding.UTF8.GetString(buf, pos, headerEnd - pos), path);
        pos = SkipTerminator(buf, headerEnd, have);
        long line = 1;
        while (true)
        {
            int last = buf.AsSpan(pos, have - pos).LastIndexOf((byte)'\n');
            int end = eof ? have : last < 0 ? -1 : pos + last + 1;
            if (end < 0)
            {
                (buf, have, eof) = Grow(fs, buf, have);
                continue;
            }
            line = ParseRegion(buf, pos, end, line, col, width, path, threads, chunk);
            if (eof) break;
            int rest = have - end;
            Buffer.BlockCopy(buf, end, buf, 0, rest);
            have = Fill(fs, buf, rest);
            eof = have < buf.Length;
            pos = 0;
        }
        return true;
    }

    private static long ParseRegion(byte[] buf, int start, int end, long line, int[] col, int width, string name, int threads, Action<Blob[]> chunk)
    {
        int pieces = end - start < (1 << 16) ? 1 : Math.Max(1, threads) * 4;
        var cut = new int[pieces + 1];
        cut[0] = start;
        cut[pieces] = end;
        for (int k = 1; k < pieces; k++)
        {
            int guess = Math.Max(cut[k - 1], start + (int)((long)(end - start) * k / pieces));
            int nl = buf.AsSpan(guess, end - guess).IndexOf((byte)'\n');
            cut[k] = nl < 0 ? end : guess + nl + 1;
        }
        var firstLine = new long[pieces + 1];
        firstLine[0] = line;
        for (int k = 0; k < pieces; k++) firstLine[k + 1] = firstLine[k] + CountLines(buf.AsSpan(cut[k], cut[k + 1] - cut[k]));
        var blobs = new Blob[pieces][];
        var errors = new ColocFormatException?[pieces];
        Parallel.For(0, pieces, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, k =>
        {
            try
            {
                blobs[k] = ParsePiece(buf.AsSpan(cut[k], cut[k + 1] - cut[k]), firstLine[k], (int)(firstLine[k + 1] - firstLine[k]), col, width, name);
            }
            catch (ColocFormatException e)
            {
                errors[k] = e;
            }
        });
        foreach (var e in errors) if (e is not null) throw e;
        foreach (var b in blobs) chunk(b);
        return firstLine[pieces];
    }

    private static Blob[] ParsePiece(ReadOnlySpan<byte> s, long lineBefore, int lines, int[] col, int width, string name)
    {
        // At most one blob per line: fill an exact-size array, trimmed only when blank lines were skipped.
        var list = new Blob[lines];
        int count = 0;
        Span<int> commas = stackalloc int[width + 1];
        Span<double> vals = stackalloc double[Blob.CanonicalColumnCount];
        long lineNo = lineBefore;
        int pos = 0;
        while (pos < s.Length)
        {
            int t = s[pos..].IndexOfAny((byte)'\n', (byte)'\r');
            int lineEnd = t < 0 ? s.Length : pos + t;
            var line = s[pos..lineEnd];
            pos = t < 0 ? s.Length : s[lineEnd] == (byte)'\r' && lineEnd + 1 < s.Length && s[lineEnd + 1] == (byte)'\n' ? lineEnd + 2 : lineEnd + 1;
            lineNo++;
            if (!Ascii.IsValid(line))
            {
                if (BlobCsv.ParseLine(Encoding.UTF8.GetString(line), col, width, name, lineNo, vals)) list[count++] = Make(vals);
                continue;
            }
            if (IsBlank(line)) continue;
            int fields = 1;
            for (int i = 0; i < line.Length && fields <= width; i++)
                if (line[i] == (byte)',') commas[fields++ - 1] = i;
            if (fields != width)
                throw new ColocFormatException($"{name}:{lineNo}: {fields} fields, header has {width}");
            for (int k = 0; k < col.Length; k++)
            {
                int c = col[k];
                int fs = c == 0 ? 0 : commas[c - 1] + 1;
                int fe = c == width - 1 ? line.Length : commas[c];
                var field = line[fs..fe];
                if (!FastNumber.TryParse(field, out vals[k]))
                    BlobCsv.ParseField(Encoding.ASCII.GetString(field), k, name, lineNo, vals);
            }
            BlobCsv.CheckChannel(vals[6], name, lineNo);
            list[count++] = Make(vals);
        }
        if (count < list.Length) Array.Resize(ref list, count);
        return list;
    }

    private static Blob Make(ReadOnlySpan<double> v) => new(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line) if (b != (byte)' ' && (b < 9 || b > 13)) return false;
        return true;
    }

    /// <summary>Lines in a piece that ends after a <c>\n</c> (or at the end of the file): \n, \r\n and lone \r each end one.</summary>
    private static long CountLines(ReadOnlySpan<byte> s)
    {
        long n = s.Count((byte)'\n');
        if (s.IndexOf((byte)'\r') >= 0)
            for (int i = 0; i < s.Length; i++)
                if (s[i] == (byte)'\r' && (i + 1 == s.Length || s[i + 1] != (byte)'\n')) n++;
        if (s.Length > 0 && s[^1] != (byte)'\n' && s[^1] != (byte)'\r') n++;
        return n;
    }

    private static int SkipTerminator(byte[] buf, int at, int have)
    {
        if (at >= have) return have;
        if (buf[at] == (byte)'\r' && at + 1 < have && buf[at + 1] == (byte)'\n') return at + 2;
        return at + 1;
    }

    private static (byte[], int, bool) Grow(FileStream fs, byte[] buf, int have)
    {
        var bigger = new byte[buf.Length * 2];
        Buffer.BlockCopy(buf, 0, bigger, 0, have);
        int got = Fill(fs, bigger, have);
        return (bigger, got, got < bigger.Length);
    }

    private static int Fill(FileStream fs, byte[] buf, int from)
    {
        int have = from;
        while (have < buf.Length)
        {
            int n = fs.Read(buf, have, buf.Length - have);
            if (n == 0) break;
            have += n;
        }
        return have;
    }
}
