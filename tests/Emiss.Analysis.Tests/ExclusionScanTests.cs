using Emiss.Analysis.Efficiency;
using Emiss.Analysis.Limits;
using Emiss.Core.Units;
using Emiss.Physics.YieldModels;
using Emiss.Testing;
using Xunit;

namespace Emiss.Analysis.Tests;

public class ExclusionScanTests
{
    /// <summary>A yield with a closed form, n(m) = c/m² (the docs/physics/dark-production.md#expected-behaviour behaviour for m_e ≪ m ≲ 100 MeV).</summary>
    private sealed class InverseSquareYield(double c) : ISignalYieldModel
    {
        public string Name => "c/m^2";
        public double PerElectronOnTargetAtEps1(Mass m) => c / (m.InMeV * m.InMeV);
    }

    private static readonly RunExposure[] Na64Runs = [new("pbsc", 1.88e9), new("bgo", 0.87e9)];

    [Fact]
    public void Eps90_is_sqrt_of_N90_over_S1_with_N90_ln10_at_zero_observed()
    {
        // docs/physics/statistics.md#exclusion-contour: ε90 = sqrt(N90/S1), S1 = Σ n_EOT ε_sig n_A'; docs/physics/statistics.md#cls: n_obs = 0 ⇒ N90 = ln 10 for any b.
        var yield = new InverseSquareYield(1e-3);
        var eff = new LogMassInterpolatedEfficiency([1, 1000], [0.69, 0.55], "seed");
        double[] masses = [1, 10, 100];
        ExclusionScanResult r = ExclusionScan.Run(masses, yield, eff, Na64Runs, new CountingInput(0, 0.15, 0.90, 0.19));
        for (int i = 0; i < masses.Length; i++)
        {
            double s1 = 2.75e9 * eff.At(Mass.FromMeV(masses[i])) * 1e-3 / (masses[i] * masses[i]);
            Tolerance.Rel(1e-9, "closed form, root found to 1e-11").AssertClose(Math.Sqrt(Math.Log(10) / s1), r.Points[i].Eps90, $"eps90({masses[i]} MeV)");
        }
        // ε90 ∝ m for a 1/m² yield at fixed efficiency ratio.
        Tolerance.Rel(1e-9, "ε90 ∝ m/sqrt(eff)").AssertClose(
            10 * Math.Sqrt(eff.At(Mass.FromMeV(1)) / eff.At(Mass.FromMeV(10))), r.Points[1].Eps90 / r.Points[0].Eps90, "ratio");
    }

    [Fact]
    public void Expected_bands_for_b_015_collapse_onto_the_observed_limit_except_plus_2_sigma()
    {
        // docs/physics/statistics.md#reference-values: b = 0.15 ⇒ −2σ…+1σ at n = 0 (2.3026), +2σ at n = 1 (3.7526).
        ExclusionScanResult r = ExclusionScan.Run([10.0], new InverseSquareYield(1e-3),
            new LogMassInterpolatedEfficiency([1], [1.0], "unit"), [new RunExposure("one", 1e9)], new CountingInput(0, 0.15, 0.90, 0.19));
        ExclusionPoint p = r.Points[0];
        Assert.Equal(p.Eps90, p.Expected.Median, 12);
        Assert.Equal(p.Eps90, p.Expected.Minus1Sigma, 12);
        Tolerance.Rel(1e-4, "docs/physics/statistics.md#expected-limits table, 5 digits").AssertClose(Math.Sqrt(3.7526 / 2.3026), p.Expected.Plus2Sigma / p.Eps90, "+2σ/obs");
    }

    [Fact]
    public void Systematic_variant_is_weaker_by_the_Cousins_Highland_factor()
    {
        // docs/physics/statistics.md#cousins-highland: n = 0, σ_r = 0.19 (truncated Gaussian) ⇒ N90 = 2.41 vs 2.3026.
        ExclusionScanResult r = ExclusionScan.Run([10.0], new InverseSquareYield(1e-3),
            new LogMassInterpolatedEfficiency([1], [1.0], "unit"), [new RunExposure("one", 1e9)], new CountingInput(0, 0.15, 0.90, 0.19));
        Tolerance.Rel(2e-3, "docs/physics/statistics.md#cousins-highland quotes 2.41 to 3 digits").AssertClose(2.41, r.SignalLimitWithSystematics.Observed, "N90 with syst");
        Tolerance.Rel(2e-3, "same").AssertClose(Math.Sqrt(2.41 / Math.Log(10)), r.Points[0].Eps90WithSystematics / r.Points[0].Eps90, "ratio");
    }

    [Fact]
    public void Crossing_mass_is_log_interpolated()
    {
        // limit = m, reference = 10 (flat): crossing at m = 10 exactly.
        double[] m = [1, 3, 30, 100];
        Assert.Equal(10.0, ExclusionCrossing.UpperMass(m, m, [10, 10, 10, 10])!.Value, 9);
        Assert.Null(ExclusionCrossing.UpperMass(m, m, [0.5, 10, 10, 10]));
        Assert.Equal(100.0, ExclusionCrossing.UpperMass(m, m, [1000, 1000, 1000, 1000])!.Value);
    }
}
