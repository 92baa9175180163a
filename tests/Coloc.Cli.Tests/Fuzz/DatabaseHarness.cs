using Coloc.IO;
using Coloc.IO.Database;

namespace Coloc.Cli.Tests.Fuzz;

/// <summary>A mutated results database opened read-only and every match selected; then opened for writing (a refusal must leave it unchanged).</summary>
internal sealed class DatabaseHarness : FuzzHarness
{
    public override string Name => "db";

    public override IReadOnlyList<byte[]> MakeSeeds(string dir)
    {
        string csv = Path.Combine(dir, "seed.csv"), db = Path.Combine(dir, "seed.db");
        File.WriteAllText(csv, "z,y,x,radius,confirmed,truth,channel\n3,12,15,2,-1,-1,0\n3,12,16,2,-1,-1,1\n5,5,5,1,-1,-1,1\n");
        int code = Program.Run(["match", "--blobs", csv, "--out", Path.Combine(dir, "seed-out"), "--shape", "10,40,40", "--db", db], TextWriter.Null, TextWriter.Null);
        if (code != 0) throw new InvalidOperationException("seed database not made");
        return [File.ReadAllBytes(db)];
    }

    public override void Run(byte[] input, string dir)
    {
        string path = Path.Combine(dir, "in.db");
        File.WriteAllBytes(path, input);
        try
        {
            using var db = ClrDb.OpenReadOnly(path);
            _ = MatchSelector.Select(db, [0, 1], null, null).TotalCount;
        }
        catch (ColocFormatException e)
        {
            if (!e.Message.Contains(path, StringComparison.Ordinal)) throw new FuzzFinding($"message does not name the file: {e.Message}");
        }
        try
        {
            using var db = ClrDb.Open(path);
        }
        catch (ColocFormatException e)
        {
            if (!e.Message.Contains(path, StringComparison.Ordinal)) throw new FuzzFinding($"message does not name the file: {e.Message}");
            if (!File.ReadAllBytes(path).AsSpan().SequenceEqual(input)) throw new FuzzFinding("a refused database was changed");
        }
    }
}
