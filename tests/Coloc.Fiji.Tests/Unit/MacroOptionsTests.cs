using Coloc.Native.Options;
using CsCheck;

namespace Coloc.Fiji.Tests.Unit;

public sealed class MacroOptionsTests
{
    [Fact]
    public void Parse_BracketedAndBareValues_FillsGivenKeysAndDefaults()
    {
        var o = MacroOptions.Parse("blobs=[/data/my blobs.csv] mode=magmap  profile=[default,lightsheet]", CommandSpecs.Match);
        Assert.Equal("/data/my blobs.csv", o["blobs"]);
        Assert.Equal("magmap", o["mode"]);
        Assert.Equal("default,lightsheet", o["profile"]);
        Assert.Equal("micron", o["unit"]);
        Assert.Equal("", o["tolerance"]);
        Assert.Equal(CommandSpecs.Match.Count, o.Count);
    }

    [Fact]
    public void Parse_NullOrEmpty_GivesEveryDefault()
    {
        foreach (var text in new[] { null, "", "   " })
            Assert.Equal(CommandSpecs.Match.Select(CommandSpecs.MacroDefault), MacroOptions.Parse(text, CommandSpecs.Match).Values);
    }

    [Theory]
    [InlineData("bogus=1", "unknown key 'bogus'")]
    [InlineData("mode=magmap mode=exact", "key 'mode' is given twice")]
    [InlineData("mode=fast", "mode: 'fast' is not one of exact|magmap")]
    [InlineData("blobs=[/a", "'blobs=[' has no closing ']'")]
    [InlineData("[x]=1", "malformed key")]
    [InlineData("output=[a\u0001b]", "control characters")]
    public void Parse_BadText_ThrowsNamingTheProblem(string text, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => MacroOptions.Parse(text, CommandSpecs.Match));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Parse_OptionsWrittenAsTheJavaDialogWritesThem_RoundTripAnyValues()
    {
        var value = Gen.String[Gen.Char.Where(c => c != ']' && !char.IsControl(c)), 0, 40];
        Gen.Select(value, value, value).Sample((blobs, profile, output) =>
        {
            string text = $"blobs=[{blobs}] mode=[magmap] profile=[{profile}] output=[{output}]";
            var o = MacroOptions.Parse(text, CommandSpecs.Match);
            Assert.Equal(blobs.Trim(), o["blobs"]);
            Assert.Equal(profile.Trim(), o["profile"]);
            Assert.Equal(output.Trim(), o["output"]);
            Assert.Equal("magmap", o["mode"]);
        });
    }

    [Fact]
    public void Serialize_MatchSpec_OneTabSeparatedLinePerKeyInMacroOrder()
    {
        var lines = CommandSpecs.Serialize(CommandSpecs.Match).TrimEnd('\n').Split('\n');
        Assert.Equal(["blobs", "mode", "profile", "tolerance", "unit", "channels", "output", "database", "experiment"], lines.Select(l => l.Split('\t')[0]));
        Assert.All(lines, l => Assert.Equal(7, l.Split('\t').Length));
        Assert.Equal("mode\tchoice\texact\t\texact|magmap", string.Join('\t', lines[1].Split('\t')[..5]));
        Assert.Equal("Mode of matching", lines[1].Split('\t')[6]);
        // The profile is free text offered with the built-in names; only a choice's values are enforced.
        Assert.StartsWith("profile\ttext\tdefault\t\tdefault|lightsheet|", lines[2]);
        Assert.Equal("default,lightsheet", MacroOptions.Parse("profile=[default,lightsheet]", CommandSpecs.Match)["profile"]);
    }

    /// <summary>
    /// ImageJ names a dialog field in macros by the first word of its label, lower-cased (Macro.trimKey: up to the first
    /// space or colon): every label must start with its key, and no two fields of a dialog may share that word.
    /// </summary>
    [Theory]
    [InlineData("match")]
    [InlineData("detect")]
    [InlineData("intensity")]
    [InlineData("database")]
    public void Serialize_EveryDialogLabel_FirstWordIsTheMacroKey(string command)
    {
        var lines = CommandSpecs.Serialize(CommandSpecs.Of(command)).TrimEnd('\n').Split('\n').Select(l => l.Split('\t')).ToArray();
        foreach (var f in lines)
        {
            string label = f[6];
            Assert.True(char.IsUpper(label[0]), $"'{label}' should read as words starting with a capital");
            Assert.Equal(f[0], label.Split(' ', ':')[0].ToLowerInvariant());
        }
        Assert.Equal(lines.Length, lines.Select(f => f[6].Split(' ', ':')[0].ToLowerInvariant()).Distinct().Count());
    }

    [Fact]
    public void Of_UnknownCommand_ThrowsListingKnownOnes()
    {
        Assert.Equal(4, new[] { "match", "intensity", "database", "detect" }.Select(CommandSpecs.Of).Distinct().Count());
        Assert.Contains("known: match, intensity, database, detect", Assert.Throws<ArgumentException>(() => CommandSpecs.Of("segment")).Message);
    }
}
