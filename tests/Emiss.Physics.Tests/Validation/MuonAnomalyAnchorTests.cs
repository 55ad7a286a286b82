using Emiss.Physics.MuonAnomaly;
using Emiss.Testing;
using Xunit;

namespace Emiss.Physics.Tests.Validation;

/// <summary>Anchor V19 (docs/physics/validation-anchors.md#v19, docs/physics/muon-g-2.md#loop-functions): vector loop function and the BNL 288 ± 80 band.</summary>
public sealed class MuonAnomalyAnchorTests
{
    [Theory]
    [InlineData(0.010, 0.78264)]
    [InlineData(0.100, 0.22136)]
    public void Vector_loop_function_matches_V19(double massGeV, double expected) =>
        Tolerance.Rel(1e-4, "V19: F_V quoted to 5 digits").AssertClose(
            expected, MuonAnomalyCalculator.VectorLoopFunction(massGeV / 0.1056583755), $"F_V at {massGeV} GeV");

    [Fact]
    public void Band_at_10_MeV_matches_V19()
    {
        MuonAnomalyBand band = MuonAnomalyCalculator.VectorBand(0.010);
        var tol = Tolerance.Rel(5e-4, "V19: band edges quoted to 4 digits ([1.187, 2.220]e-3)");
        tol.AssertClose(1.187e-3, band.Lower, "ε at Δa_μ − 2σ = 128e-11");
        tol.AssertClose(2.220e-3, band.Upper, "ε at Δa_μ + 2σ = 448e-11");
        Assert.InRange(band.Central, band.Lower, band.Upper);
    }

    [Fact]
    public void Default_era_is_BNL_288_pm_80()
    {
        MuonAnomalyMeasurement d = MuonAnomalyMeasurement.For(MuonG2Era.Bnl2016);
        Assert.Equal(288, d.CentralE11);
        Assert.Equal(80, d.SigmaE11);
        Assert.Equal(MuonAnomalyCalculator.VectorBand(0.02), MuonAnomalyCalculator.VectorBand(0.02, d));
    }
}
