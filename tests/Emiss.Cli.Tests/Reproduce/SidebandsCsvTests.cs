using Emiss.Analysis.Sidebands;
using Emiss.Cli.Reproduce;
using Emiss.Core.IO;
using Emiss.Events.Selection;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests.Reproduce;

/// <summary>sidebands.csv (method 2, docs/physics/background-method2.md#models): the original columns stay first and in
/// order; each sideband lists its central model, its variations and its estimate; the total adds A and C.</summary>
public class SidebandsCsvTests
{
    [Fact]
    public void Sidebands_csv_keeps_its_columns_and_writes_central_variations_estimate_and_total()
    {
        var regions = new SignalRegions { EcalMaxGeV = 50, HcalMaxGeV = 1, SidebandCEcalMaxGeV = 80 };
        SidebandEstimate a = SidebandExtrapolation.Estimate(SidebandSpec.ForA(regions, 100), [57.0], [3.36]);
        SidebandEstimate c = SidebandExtrapolation.Estimate(SidebandSpec.ForC(regions, 1, 100), [55.0, 70.0], [1.0, 2.0]);
        string path = Path.Combine(TestScratch.NewDirectory("sidebands-csv"), "sidebands.csv");
        ReproduceOutputs.WriteSidebands(path, new Provenance("test", 1, ""), [a, c]);
        string[] lines = [.. File.ReadAllLines(path).Where(l => !l.StartsWith('#'))];
        Assert.StartsWith("sideband,model,sideband_events,parameter,box_events,stat_err,", lines[0], StringComparison.Ordinal);
        string[] rows = [.. lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(2)) + "," + l.Split(',')[7])];
        Assert.Equal(["A,exponential,central", "A,flat,variation", "A,estimate,estimate",
                      "C,bremsstrahlung,central", "C,exponential,variation", "C,estimate,estimate",
                      "A+C,total,estimate"], rows);
        string total = lines[^1];
        // C: W = 3 events' weight × 0.672 (bremsstrahlung ratio ∫₁⁵⁰f/∫₅₀⁸⁰f = 0.6225/0.9267); A's event lies above its fit range.
        Assert.Equal(3 * 0.6225 / 0.9267, double.Parse(total.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture), 3e-3);
    }
}
