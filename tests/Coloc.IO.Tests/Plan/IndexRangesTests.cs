using Coloc.Core.Pipeline;
using CsCheck;
using Coloc.IO.Plan;

namespace Coloc.IO.Tests.Plan;

public class IndexRangesTests
{
    [Theory]
    [InlineData(new int[0], "")]
    [InlineData(new[] { 3 }, "3")]
    [InlineData(new[] { 0, 1, 2, 3, 7, 9, 10, 11 }, "0-3,7,9-11")]
    [InlineData(new[] { 4, 5 }, "4-5")]
    public void Format_KnownLists_MergesRuns(int[] indices, string expected) =>
        Assert.Equal(expected, IndexRanges.Format(indices));

    [Fact]
    public void Parse_UnorderedOverlappingItems_SortedDistinct() =>
        Assert.Equal([0, 1, 2, 3, 5, 7], IndexRanges.Parse("5,0-2,7, 1-3", 8));

    [Theory]
    [InlineData("3-1")]
    [InlineData("8")]
    [InlineData("a")]
    [InlineData("1,,2")]
    [InlineData("-1")]
    public void Parse_BadItem_Throws(string text) =>
        Assert.Throws<FormatException>(() => IndexRanges.Parse(text, 8));

    [Fact]
    public void FormatThenParse_AnySet_RoundTrips()
    {
        Gen.Int[0, 200].HashSet[0, 60].Sample(set =>
        {
            var sorted = set.OrderBy(i => i).ToArray();
            string text = IndexRanges.Format(sorted);
            return sorted.Length == 0 ? text == "" : IndexRanges.Parse(text, 201).SequenceEqual(sorted);
        });
    }
}
