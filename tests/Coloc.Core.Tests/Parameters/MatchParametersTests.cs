using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Parameters;

namespace Coloc.Core.Tests.Parameters;

/// <summary>One request builder for both fronts: the same values give the same request; errors carry the declaration.</summary>
public sealed class MatchParametersTests
{
    private static readonly ZyxInt ImageShape = new(10, 20, 30);
    private static readonly Zyx ImageRes = new(2, 0.5, 0.5);

    [Fact]
    public void Request_CliAndFijiFacesOfTheSameRun_GiveEqualRequests()
    {
        var cli = MatchParameters.Request(new FakeValues(false, ("--shape", "10,20,30"), ("--resolution", "2,0.5,0.5"), ("--tol-um", "4,1,1"),
            ("--channels", "0,2"), ("--mode", "exact"), ("--threads", "3")));
        var fiji = MatchParameters.Request(new FakeValues(true, ("tolerance", "4,1,1"), ("unit", "micron"), ("channels", "1,3")), ImageShape, ImageRes);
        Assert.Equal(cli.ShapeVoxels, fiji.ShapeVoxels);
        Assert.Equal(cli.TolUm, fiji.TolUm);
        Assert.Null(fiji.TolVoxels);
        Assert.Equal(cli.Channels!, fiji.Channels!);
        Assert.Equal(cli.ResolutionUm, fiji.ResolutionUm);
        Assert.Equal(3, cli.Threads);
        Assert.Equal(new Zyx(2, 2, 2), fiji.ResolveTolVoxels(default));
    }

    [Fact]
    public void Request_ResolutionGivenOverridesTheImage_ElseTheImageIsUsed()
    {
        var values = new FakeValues(false, ("--tol-um", "4,1,1"), ("--resolution", "1,1,1"));
        Assert.Equal(Zyx.All(1), MatchParameters.Request(values, ImageShape, ImageRes).ResolutionUm);
        Assert.Equal(ImageRes, MatchParameters.Request(new FakeValues(false, ("--tol-um", "4,1,1")), ImageShape, ImageRes).ResolutionUm);
    }

    [Fact]
    public void Request_TolUmWithoutAnyResolution_NamesToleranceUmAndResolution()
    {
        var e = Assert.Throws<ParameterException>(() => MatchParameters.Request(new FakeValues(false, ("--shape", "5,5,5"), ("--tol-um", "1,1,1"))));
        Assert.Same(SharedParameters.ToleranceUm, e.Parameter);
        Assert.Equal("--tol-um: needs --resolution (µm per voxel, z,y,x)", e.MessageFor(p => p.Flag));
    }

    [Fact]
    public void Validate_MagmapStackWithTolerance_NamesTheParameterPerFront()
    {
        var e = Assert.Throws<ParameterException>(() => MatchParameters.Request(new FakeValues(true, ("mode", "magmap"), ("tolerance", "3,3,3"), ("unit", "pixel")), ImageShape, ImageRes));
        Assert.Same(SharedParameters.Tolerance, e.Parameter);
        Assert.StartsWith("tolerance: magmap stack runs take the tolerance from the ROI profile; leave it out or use mode exact", e.MessageFor(p => p.Key));
        Assert.StartsWith("--tol: magmap stack runs", e.MessageFor(p => p.Flag));
        Assert.DoesNotContain("--", e.Message);
    }

    [Theory]
    [InlineData("--mode", "bogus", "mode", "'bogus' is not one of exact|magmap")]
    [InlineData("--threads", "0", "threads", "must be >= 1, got 0")]
    [InlineData("--channels", "1,1", "channels", "a channel repeats in '1,1'")]
    [InlineData("--inner-padding", "-1,0,0", "inner padding", "values must be >= 0, got '-1,0,0'")]
    [InlineData("--block-size", "1.5,2,2", "block size", "values must be whole numbers, got '1.5,2,2'")]
    public void Request_BadValue_CarriesItsDeclaration(string flag, string value, string name, string problem)
    {
        var e = Assert.Throws<ParameterException>(() => MatchParameters.Request(new FakeValues(false, ("--shape", "5,5,5"), (flag, value))));
        Assert.Equal(name, e.Parameter.Name);
        Assert.Equal(problem, e.Problem);
        Assert.Equal($"{flag}: {problem}", e.MessageFor(p => p.Flag));
    }

    [Fact]
    public void Experiment_OneRule_PrimaryInputWithoutExtension()
    {
        Assert.Equal("brain1", MatchParameters.Experiment(new FakeValues(false, ("--db", "x.db")), "/data/brain1.tif"));
        Assert.Equal("given", MatchParameters.Experiment(new FakeValues(false, ("--db", "x.db"), ("--exp-name", "given")), "/data/brain1.tif"));
        Assert.Null(MatchParameters.Experiment(new FakeValues(false), "/data/brain1.tif"));
        Assert.Equal("--exp-name: needs --db", Assert.Throws<ParameterException>(() => MatchParameters.Experiment(new FakeValues(false, ("--exp-name", "e")), "b.csv")).MessageFor(p => p.Flag));
        Assert.StartsWith("experiment: a name is needed with database", Assert.Throws<ParameterException>(() => MatchParameters.Experiment(new FakeValues(true, ("database", "x.db")), null)).MessageFor(p => p.Key));
    }

    [Theory]
    [InlineData("/data/brain1.tif", "brain1")]
    [InlineData("sample.ome.tif", "sample.ome")]
    [InlineData("C1-stack", "C1-stack")]
    [InlineData(".hidden", ".hidden")]
    public void ExperimentName_StripsTheLastExtensionOfTheLastSegment(string input, string expected) =>
        Assert.Equal(expected, ExperimentName.Of(input));

    [Fact]
    public void Channels_CountFromTheFrontsBase()
    {
        Assert.Equal([0, 2], ParameterText.Channels(SharedParameters.Channels, "1,3", 1));
        Assert.Equal([1, 3], ParameterText.Channels(SharedParameters.Channels, "1,3", 0));
        Assert.Equal("1-based whole numbers >= 1 expected, got '0,1'",
            Assert.Throws<ParameterException>(() => ParameterText.Channels(SharedParameters.Channels, "0,1", 1)).Problem);
    }
}
