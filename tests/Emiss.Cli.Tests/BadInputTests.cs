using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests;

/// <summary>
/// The error contract over the whole table of bad inputs (<see cref="BadInputTable"/>): exit code 2, exactly one
/// line, starting "emiss: error:" and naming the field at fault, no stack trace or .NET type name, nothing created
/// at the output path; and the same run with the fault removed succeeds (for the representative subset).
/// Runs in-process (<see cref="InProcessEmiss"/>) to stay fast.
/// </summary>
[Collection(nameof(InProcessConsole))]
public class BadInputTests
{
    public static TheoryData<string> Ids() => [.. BadInputTable.All.Select(c => c.Id)];

    public static TheoryData<string> CorrectedIds() => [.. BadInputTable.All.Where(c => c.RunCorrected).Select(c => c.Id)];

    [Fact]
    public void The_table_has_at_least_100_cases_with_distinct_names()
    {
        Assert.True(BadInputTable.All.Count >= 100, $"{BadInputTable.All.Count} cases");
        Assert.Equal(BadInputTable.All.Count, BadInputTable.All.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Bad_input_is_one_user_error_line_naming_the_field(string id)
    {
        BadInputCase c = BadInputTable.Get(id);
        string dir = TestScratch.NewDirectory("bad");
        var (code, _, stderr) = InProcessEmiss.Run(c.Prepare(dir, good: false));
        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(code == 2, $"exit code {code}; stderr: {stderr}");
        string line = Assert.Single(lines);
        Assert.StartsWith("emiss: error: ", line, StringComparison.Ordinal);
        Assert.Contains(c.Field.Replace("{dir}", dir, StringComparison.Ordinal), line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        if (c.Output is { } o)
        {
            string path = o.Replace("{dir}", dir, StringComparison.Ordinal);
            Assert.False(File.Exists(path) || Directory.Exists(path), $"{path} was created");
        }
    }

    [Theory]
    [MemberData(nameof(CorrectedIds))]
    public void The_corrected_input_succeeds(string id)
    {
        BadInputCase c = BadInputTable.Get(id);
        string dir = TestScratch.NewDirectory("good");
        var (code, _, stderr) = InProcessEmiss.Run(c.Prepare(dir, good: true));
        Assert.True(code == 0, $"exit code {code}; stderr: {stderr}");
    }
}

/// <summary>Tests that redirect the process-wide console run one at a time.</summary>
[CollectionDefinition(nameof(InProcessConsole), DisableParallelization = true)]
public sealed class InProcessConsole;
