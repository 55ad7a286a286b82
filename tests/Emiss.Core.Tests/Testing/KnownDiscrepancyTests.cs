using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Emiss.Core.Tests.Testing;

/// <summary>The known-discrepancy pin used by the validation tests of every layer: it must report, and fail both ways.</summary>
public sealed class KnownDiscrepancyTests
{
    private static readonly GoldValue Gold = new(2.69, 0.03, "gold run");
    private static readonly PhysicsTarget Target = new(2.97, 0.15, "reference");

    private sealed class Lines : ITestOutputHelper
    {
        public List<string> Written { get; } = [];

        public void WriteLine(string message) => Written.Add(message);

        public void WriteLine(string format, params object[] args) => Written.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }

    [Fact]
    public void Inside_the_gold_band_it_passes_and_reports_the_missed_target()
    {
        var output = new Lines();
        KnownDiscrepancy.Pin(output, "R_90 (X0)", 2.70, Gold, Target, "halo too narrow");
        string line = Assert.Single(output.Written);
        Assert.StartsWith("KNOWN DISCREPANCY: R_90 (X0) = 2.7, target 2.97", line);
        Assert.Contains("gold run", line);
        Assert.Contains("halo too narrow", line);
    }

    [Theory]
    [InlineData(2.65)]   // moved away from the target
    [InlineData(2.75)]   // moved towards it without reaching it
    [InlineData(double.NaN)]
    public void Leaving_the_gold_band_in_either_direction_fails(double measured) =>
        Assert.Throws<XunitException>(() => KnownDiscrepancy.Pin(new Lines(), "R_90 (X0)", measured, Gold, Target, "cause"));

    [Fact]
    public void Meeting_the_target_fails_so_that_the_pin_becomes_a_validation()
    {
        var e = Assert.Throws<XunitException>(() => KnownDiscrepancy.Pin(new Lines(), "R_90 (X0)", 2.95, Gold, Target, "cause"));
        Assert.Contains("now meets its target", e.Message);
    }

    [Fact]
    public void A_gold_band_overlapping_the_target_band_is_not_a_discrepancy()
    {
        Assert.Throws<ArgumentException>(() => KnownDiscrepancy.Pin(new Lines(), "q", 2.80, new GoldValue(2.80, 0.05, "run"), Target, "cause"));
        Assert.Throws<ArgumentException>(() => KnownDiscrepancy.Pin(new Lines(), "q", 2.69, Gold with { Tolerance = 0 }, Target, "cause"));
    }
}
