using System.Globalization;
using Coloc.Core.Matching;
using Coloc.Core.Matching.Magmap;

namespace Coloc.Core.Tests.Matching.Magmap;

/// <summary>
/// Golden comparison with SciPy 1.10.1's <c>linear_sum_assignment</c> (the version MagellanMapper's oracle ran) on 400
/// tie-heavy matrices (<c>Data/make_lsap_fixture.py</c>): the assigned pairs must be identical, not just equally cheap.
/// </summary>
public sealed class LinearSumAssignmentScipyTests
{
    public static TheoryData<int> Cases() => new(Enumerable.Range(0, Lines.Value.Length));

    private static readonly Lazy<string[]> Lines = new(() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "lsap_scipy.csv")).Skip(1).ToArray());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Solve_ScipyCase_SamePairsAsScipy(int index)
    {
        var f = Lines.Value[index].Split(';');
        int rows = int.Parse(f[0], CultureInfo.InvariantCulture), cols = int.Parse(f[1], CultureInfo.InvariantCulture);
        var cost = f[2].Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var (r, c) = LinearSumAssignment.Solve(cost, rows, cols);
        Assert.Equal(f[3].Split(',').Select(int.Parse), r);
        Assert.Equal(f[4].Split(',').Select(int.Parse), c);
    }
}
