using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.Calorimetry;
using Emiss.Physics.Decays;
using Xunit;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>Muon decay in flight inside the calorimeter stack (docs/physics/muon-pairs.md#decay-in-the-calorimeters).</summary>
public sealed class MuonDecayTests
{
    private static readonly CalorimeterLayout Layout = new(TestCards.PbSc);
    private static readonly ParametrisedShowerModel Model = new(TestCards.PbSc, Layout);
    private static readonly double M = PhysicalConstants.MuonMassGeV;

    [Theory]
    [InlineData(100.0, 99.6, 45.0)]
    [InlineData(5.0, 3.1, 150.0)]
    [InlineData(2.0, 0.1056583755, 80.0)] // stops at the end: 1/p diverges there, the integral does not
    public void Proper_time_across_a_region_equals_the_integral_of_m_over_p_c_tau(double e1, double e2, double lengthCm)
    {
        // Reference: dτ/τ = m dz/(p cτ) with E linear in z, integrated numerically in u = √(E − m) (dE = 2u du), where
        // the integrand 2 m L/(cτ (E₁ − E₂) √(E + m)) is smooth even for a muon that stops (Simpson, 2000 intervals).
        double cTau = DecayTable.MuonMinus.CTauCm;
        double u1 = Math.Sqrt(e1 - M), u2 = Math.Sqrt(Math.Max(0, e2 - M));
        const int n = 2000;
        double h = (u1 - u2) / n, sum = 0;
        for (int i = 0; i <= n; i++)
        {
            double u = u2 + i * h, e = M + u * u;
            double f = 2 / Math.Sqrt(e + M);
            sum += f * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
        }
        double reference = M * lengthCm / (cTau * (e1 - e2)) * sum * h / 3;
        Assert.Equal(reference, MuonTransport.ProperLifetimes(e1, e2, lengthCm), reference * 1e-9);
    }

    [Fact]
    public void Without_energy_loss_the_proper_time_is_the_length_over_the_decay_length()
    {
        // L/λ with λ = (p/m) cτ from the decay table (PDG τ_μ = 2.19698 μs): 45 cm at 100 GeV is 7.2·10⁻⁷ lifetimes.
        double e = 100, p = Math.Sqrt(e * e - M * M);
        double expected = 45.0 / DecayTable.MuonMinus.DecayLengthCm(p);
        Assert.Equal(expected, MuonTransport.ProperLifetimes(e, e, 45.0), expected * 1e-12);
        Assert.InRange(expected, 7.2e-7, 7.25e-7);
    }

    [Fact]
    public void A_muon_decays_where_its_proper_time_reaches_the_forced_value()
    {
        // No losses at all (a hypothetical muon that only flies): the decay lies s·λ behind the stack's face.
        var transport = new MuonTransport(TestCards.PbSc, Layout);
        int n = Layout.Regions.Length;
        var losses = new MuonRegionLosses(new double[5 * n], n);
        double e = 40, lambda = DecayTable.MuonMinus.DecayLengthCm(Math.Sqrt(e * e - M * M));
        double total = Layout.Regions.Sum(r => r.ThicknessCm);
        foreach (double depthCm in new[] { 0.3, 12.0, 47.5, 0.6 * total, total - 1 })
        {
            MuonDecayPoint? point = transport.DecayPoint(e, 0, n - 1, 1.0, losses, depthCm / lambda);
            Assert.NotNull(point);
            MuonDecayPoint d = point.Value;
            double z = Layout.Regions.Take(d.Region).Sum(r => r.ThicknessCm) + d.Fraction * Layout.Regions[d.Region].ThicknessCm;
            Assert.Equal(depthCm, z, 1e-9 * total);
            Assert.Equal(e, d.EnergyGeV, 12);
        }
        Assert.Null(transport.DecayPoint(e, 0, n - 1, 1.0, losses, (total + 1) / lambda));
    }

    [Fact]
    public void A_decay_in_the_ecal_empties_the_hcal_and_the_neutrinos_carry_the_michel_share()
    {
        // A 50 GeV μ⁻ forced to decay ≈ 15 cm into the ECAL: the HCAL sees nothing (a muon crossing its first two modules
        // leaves ≈ 4 GeV), and the neutrinos carry 1 − ⟨y⟩ = 13/20 of the muon's energy at the decay point: the
        // ultra-relativistic lab spectrum of an unpolarised muon's electron, 5/3 − 3y² + 4/3 y³, has ⟨y⟩ = 7/20
        // (Michel 1950; e.g. PDG review "Muon decay parameters"). The muon has lost ≈ 0.1–0.2 GeV by then; escaped energy
        // also holds the electron shower's leakage past the stack (≲ 10⁻³ of it), so the band is 1.5 % + 3σ.
        const int events = 3000;
        double s = 15.0 / DecayTable.MuonMinus.DecayLengthCm(Math.Sqrt(50 * 50 - M * M));
        var muon = new IncidentParticle(DetectorSpecies.MuonMinus, 50, 0.3, -0.2) { DecayLifetimes = s };
        double sum = 0, sum2 = 0, hcal = 0, counters = 0;
        for (ulong k = 0; k < events; k++)
        {
            var d = new CalorimeterDeposits(36, 4);
            EventRng r = RngStreams.For(41, StreamKind.Shower, k);
            Model.Deposit(muon, ref r, d);
            hcal += d.HcalTotalGeV();
            counters += d.MuonMeV.Sum();
            sum += d.EscapedGeV;
            sum2 += d.EscapedGeV * d.EscapedGeV;
        }
        double mean = sum / events, err = Math.Sqrt((sum2 / events - mean * mean) / events);
        double expected = 13.0 / 20 * 49.85;
        Assert.True(Math.Abs(mean - expected) <= 0.015 * expected + 3 * err, $"escaped {mean:F3} ± {err:F3} GeV vs {expected:F3}");
        // The muon counters behind the HCAL see at most the shower's last photons (a crossing muon leaves ≈ 2 MeV in each), and the HCAL holds only the electron shower's leakage past the
        // remaining ≈ 27 X0 of the ECAL: on average below 1 GeV, where a crossing muon leaves ≈ 2 GeV per module.
        Assert.True(counters / events < 0.1, $"mean muon-counter signal {counters / events:G3} MeV");
        Assert.True(hcal / events < 1.0, $"mean HCAL signal {hcal / events:F3} GeV");

        // Without the forced decay the same muon crosses the HCAL.
        var free = new IncidentParticle(DetectorSpecies.MuonMinus, 50, 0.3, -0.2);
        var f = new CalorimeterDeposits(36, 4);
        EventRng r0 = RngStreams.For(41, StreamKind.Shower, 0);
        Model.Deposit(free, ref r0, f);
        Assert.True(f.HcalTotalGeV() > 4, $"an undecayed muon leaves {f.HcalTotalGeV():F2} GeV in the HCAL");
        Assert.True(f.MuonMeV.Sum() > 0, "an undecayed muon fires the muon counters");
    }

    [Fact]
    public void Only_muons_take_a_forced_decay()
    {
        var d = new CalorimeterDeposits(36, 4);
        EventRng r = RngStreams.For(1, StreamKind.Shower, 0);
        var pion = new IncidentParticle(DetectorSpecies.PionMinus, 20, 0, 0) { DecayLifetimes = 1e-6 };
        Assert.Throws<ArgumentException>(() => Model.Deposit(pion, ref r, d));
        var negative = new IncidentParticle(DetectorSpecies.MuonPlus, 20, 0, 0) { DecayLifetimes = -1 };
        Assert.Throws<ArgumentException>(() => Model.Deposit(negative, ref r, d));
    }
}
