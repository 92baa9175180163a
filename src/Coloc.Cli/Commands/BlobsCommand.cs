using System.CommandLine;
using Coloc.Cli.Parameters;
using Coloc.Core.Parameters;
using Coloc.IO.Blobs;

namespace Coloc.Cli.Commands;

/// <summary>
/// <c>coloc blobs</c>: reads blob files in any supported format (<see cref="BlobFormats"/>) and writes them as Coloc's
/// CSV (with the files' further columns), ImageJ point ROIs (<c>.roi</c>, <c>RoiSet.zip</c>) or Cell Counter XML.
/// </summary>
public static class BlobsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout)
    {
        var parameters = CliCommands.Options(CliCommands.Blobs);
        var cmd = new Command(CliCommands.Blobs.Name, CliCommands.Blobs.Description);
        parameters.AddTo(cmd);
        cmd.SetAction(pr =>
        {
            var values = parameters.Values(pr);
            string outPath = values.Get(SharedParameters.OutFile)!;
            BlobFormats.WriteFormat(outPath);
            var table = BlobInputs.Read(values, BlobInputParameters.In, keepFeatures: true);
            foreach (var note in table.Notes) stdout.WriteLine("note: " + note);
            BlobFormats.Write(outPath, table, values.Integer(BlobInputParameters.RoiChannels, 1));
            foreach (var g in table.Blobs.GroupBy(b => b.Channel).OrderBy(g => g.Key)) stdout.WriteLine($"channel {g.Key}: {g.Count()} blobs");
            stdout.WriteLine($"wrote {table.Blobs.Length} blobs to {outPath}");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
