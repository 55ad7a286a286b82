using System.Text.Json.Nodes;
using Emiss.Core.Text;
using Xunit;

namespace Emiss.Core.Tests.Text;

public class NameSuggestionsTests
{
    private static readonly string[] Keys = ["energyGeV", "electronsOnTarget", "massGridMeV"];

    [Theory]
    [InlineData("energy", "energyGeV")]          // unit suffix forgotten
    [InlineData("enrgyGeV", "energyGeV")]        // typo
    [InlineData("ELECTRONSONTARGET", "electronsOnTarget")]
    public void Suggests_the_intended_key(string typed, string expected) => Assert.Equal(expected, NameSuggestions.Closest(typed, Keys));

    [Fact]
    public void Does_not_suggest_unrelated_keys() => Assert.Null(NameSuggestions.Closest("temperatureK", Keys));

    [Fact]
    public void Levenshtein_matches_hand_counts()
    {
        Assert.Equal(3, NameSuggestions.Levenshtein("kitten", "sitting"));
        Assert.Equal(0, NameSuggestions.Levenshtein("", ""));
        Assert.Equal(4, NameSuggestions.Levenshtein("", "abcd"));
    }

    private sealed record Inner(double EnergyGeV);
    private sealed record Outer(string Name, IReadOnlyList<Inner> Runs, Inner Beam)
    {
        public int Computed => 1;
    }

    [Fact]
    public void Unknown_keys_are_found_in_nested_records_and_lists_with_paths()
    {
        JsonNode node = JsonNode.Parse("""{"name":"x","runs":[{"energyGeV":1},{"energy":2}],"beam":{"energyGev":3},"computed":4}""")!;
        IReadOnlyList<UnknownKeys.Problem> p = UnknownKeys.Find(node, typeof(Outer));
        Assert.Equal(["$.runs[1].energy", "$.beam.energyGev", "$.computed"], p.Select(x => x.Path));
        Assert.Equal("energyGeV", p[0].Suggestion);
        Assert.Equal("energyGeV", p[1].Suggestion);
    }
}
