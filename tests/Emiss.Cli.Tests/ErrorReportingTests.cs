using Emiss.Cli.Commands;
using Emiss.Core.Diagnostics;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests;

/// <summary>User errors (exit 2, one "emiss: error: field: problem; fix" line each) versus internal errors (exit 70, stack only with --verbose).</summary>
public class ErrorReportingTests
{
    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static TheoryData<string[], string> BadInputs()
    {
        string dir = TestScratch.NewDirectory("bad-input");
        return new TheoryData<string[], string>
        {
            { ["xsec", "--mass-MeV", "10", "--method", "vegas"], "--method: unknown production approximation 'vegas'; use ww, iww or etl" },
            { ["xsec", "--mass-MeV", "10", "--target", "Xx"], "--target: unknown material 'Xx'" },
            { ["shower", "--geometry", "nope", "--out", Path.Combine(dir, "s")], "--geometry: unknown geometry 'nope'" },
            { ["shower", "--events", "abc", "--out", Path.Combine(dir, "s")], "--events: 'abc' is not a number" },
            { ["signal", "--mass-MeV", "10", "--eps", "0.5", "--out", Path.Combine(dir, "g")], "--eps: 0.5 is outside (0, 0.01]" },
            { ["simulate", "--out", dir], $"--out: '{dir}' is a directory" },
            { ["xsec", "--mass-MeV", "10", "--out", Path.Combine(dir, "missing", "x.csv")], "--out: directory" },
        };
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_a_one_line_user_error_with_exit_code_2(string[] args, string expected)
    {
        var (code, _, stderr) = EmissProcess.Run(args);
        Assert.Equal(2, code);
        string[] lines = Lines(stderr);
        Assert.All(lines, l => Assert.StartsWith("emiss: error: ", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_resolved_deep_in_the_limit_is_still_a_user_error_naming_the_card_field()
    {
        // The Monte Carlo yield loads signal.geometry only when the limit runs; an unknown name there used to
        // surface as the geometry catalogue's ArgumentException.
        string dir = TestScratch.NewDirectory("limit-geometry");
        string card = Path.Combine(dir, "card.yaml");
        File.WriteAllText(card, RunCards.CardLoader.ReadText("na64-2016").Text
            .Replace("massGridMeV: \"1:1000:log61\"", "massGridMeV: \"10,100\"\n  geometry: no-such-ecal", StringComparison.Ordinal));
        var (code, _, stderr) = EmissProcess.Run("limit", "--config", card, "--yield", "monte-carlo", "--out", Path.Combine(dir, "o"));
        Assert.Equal(2, code);
        // Now caught when the card is validated, before any computation, at the user's file and line.
        string line = Lines(stderr).Single();
        Assert.StartsWith($"emiss: error: {card}:", line, StringComparison.Ordinal);
        Assert.Contains("signal.geometry: unknown geometry 'no-such-ecal'", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "o")));
    }

    /// <summary>
    /// An internal failure that no input check can prevent: the process runs out of memory (a 64 MiB GC heap limit
    /// against a 10⁸-point cross-section grid). It must not be reported as a usage error.
    /// </summary>
    private static (int Code, string Stderr) OutOfMemory(params string[] extra)
    {
        var (code, _, stderr) = EmissProcess.RunWith(new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x4000000" },
            ["xsec", "--method", "ww", "--mass-MeV", "1:1000:log100000", "--energy-GeV", "1:100:lin1000", .. extra]);
        return (code, stderr);
    }

    [Fact]
    public void Internal_error_is_one_line_with_exit_code_70_and_a_pointer_to_verbose()
    {
        var (code, stderr) = OutOfMemory();
        Assert.Equal(70, code);
        string line = Lines(stderr).Single();
        Assert.StartsWith("emiss: internal error: ", line, StringComparison.Ordinal);
        Assert.EndsWith("(run with --verbose for the stack trace)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_prints_the_stack_trace_of_an_internal_error()
    {
        var (code, stderr) = OutOfMemory("--verbose");
        Assert.Equal(70, code);
        Assert.StartsWith("emiss: internal error: ", stderr, StringComparison.Ordinal);
        Assert.Contains("System.OutOfMemoryException", stderr, StringComparison.Ordinal);
        Assert.Contains("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Exceptions_are_classified_by_type_not_by_where_they_were_thrown()
    {
        // An ArgumentException from a library is a bug once the boundary has validated the input; user errors
        // thrown inside parallel loops arrive wrapped and still count as user errors.
        var err = new StringWriter();
        Assert.Equal(CliErrors.InternalError, CliErrors.Report(new ArgumentException("beam outside the tables' range"), false, err));
        Assert.Equal(CliErrors.InternalError, CliErrors.Report(new EmissInternalException("runaway loop"), false, err));
        Assert.Equal(CliErrors.UsageError, CliErrors.Report(
            new AggregateException(new UserInputException("--a", "bad", "fix"), new UserInputException("--b", "bad", "fix")), false, err));
        Assert.Equal(CliErrors.InternalError, CliErrors.Report(
            new AggregateException(new UserInputException("--a", "bad", "fix"), new InvalidOperationException("broken")), false, err));
        Assert.Equal(
            ["emiss: internal error: beam outside the tables' range (run with --verbose for the stack trace)",
             "emiss: internal error: runaway loop (run with --verbose for the stack trace)",
             "emiss: error: --a: bad; fix", "emiss: error: --b: bad; fix",
             "emiss: internal error: broken (run with --verbose for the stack trace)"],
            Lines(err.ToString()));
    }
}
