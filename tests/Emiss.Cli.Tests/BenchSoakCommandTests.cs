using Xunit;

namespace Emiss.Cli.Tests;

public class BenchSoakCommandTests
{
    [Fact]
    public void Soak_over_two_setups_and_seeds_reports_throughput_failures_and_slowest_events()
    {
        var (code, stdout, stderr) = EmissProcess.Run("bench", "soak", "--setup", "na64-2016-pbsc,na64-2016-bgo", "--seeds", "1,2",
            "--events", "300", "--slowest", "2", "--threads", "2");
        Assert.True(code == 0, stderr);
        Assert.Contains("soak: na64-2016-pbsc (ECAL parametrised), seeds 1,2 × 300 events = 600 events", stdout, StringComparison.Ordinal);
        Assert.Contains("soak: na64-2016-bgo (ECAL parametrised), seeds 1,2 × 300 events = 600 events", stdout, StringComparison.Ordinal);
        Assert.Contains("failed events: 0", stdout, StringComparison.Ordinal);
        Assert.Contains("emiss simulate --setup na64-2016-bgo --seed SEED --first-event EVENT --events 1", stdout, StringComparison.Ordinal);
        Assert.Matches(@"all set-ups: 1200 events in [0-9.]+ s, [0-9.]+ events/s; 0 failed", stdout);
    }

    [Theory]
    [InlineData("--seeds", "1,x", "--seeds: 'x' is not an unsigned integer")]
    [InlineData("--seeds", "1,-2", "--seeds: '-2' is not an unsigned integer")]
    [InlineData("--ecal-model", "fast", "--ecal-model: 'fast' is not one of card, parametrised, full")]
    [InlineData("--events", "0", "--events: 0 is outside 1 to 1e12")]
    [InlineData("--slowest", "5000", "--slowest: 5000 is outside 0 to 1000")]
    public void Bad_options_are_user_errors(string option, string value, string message)
    {
        var (code, _, stderr) = EmissProcess.Run("bench", "soak", option, value);
        Assert.Equal(2, code);
        Assert.Contains("emiss: error: " + message, stderr, StringComparison.Ordinal);
    }
}
