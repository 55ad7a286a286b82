using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Synchrotron;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Detector.Tests.Synchrotron;

public sealed class SynchrotronTests(ITestOutputHelper output)
{
    private const double Me = 0.51099895e-3;

    [Fact]
    public void Closed_forms_reproduce_V17_photon_count_and_energy_loss()
    {
        // docs/physics/synchrotron-radiation.md#formulas / V17: 100 GeV e⁻, 1.75 T × 4 m: θ_b = 21 mrad, ħω_c = 11.6 MeV, ⟨N_γ⟩ = 43, ΔE = 155 MeV (2 %).
        // θ_b = L/ρ with the PDG's numeric bending radius ρ[m] = 3.3356 p[GeV/c]/B[T] (PDG Review "Accelerator physics of
        // colliders"), given to 5 digits; V17 rounds it to 21 mrad.
        Tolerance.Rel(3e-5, "PDG ρ = 3.3356 p/B, 5 digits").AssertClose(7 / (3.3356 * 100), SynchrotronFormulas.BendAngleRad(7, 100), "θ_b");
        Tolerance.Abs(5e-4, "V17 quotes 21 mrad").AssertClose(0.021, SynchrotronFormulas.BendAngleRad(7, 100), "θ_b vs V17");
        Tolerance.Rel(0.02, "V17").AssertClose(43, SynchrotronFormulas.MeanPhotonCount(100, Me, 7), "⟨N_γ⟩");
        Tolerance.Rel(0.02, "V17").AssertClose(0.155, SynchrotronFormulas.MeanEnergyLossGeV(100, Me, 1.75, 4), "ΔE GeV");
        Tolerance.Rel(2e-3, "ħω_c[keV] = 0.665 E² B (docs/physics/synchrotron-radiation.md#formulas)").AssertClose(0.665 * 1e4 * 1.75 * 1e-6, SynchrotronFormulas.CriticalEnergyGeV(100, Me, 1.75), "ħω_c GeV");
        // ΔE[keV] = 1.2655 E² B² L (docs/physics/synchrotron-radiation.md#formulas), independent form.
        Tolerance.Rel(2e-3, "1.2655 E²B²L keV").AssertClose(1.2655e-6 * 1e4 * 1.75 * 1.75 * 4, SynchrotronFormulas.MeanEnergyLossGeV(100, Me, 1.75, 4), "ΔE alt");
    }

    [Fact]
    public void Pion_radiates_m_e_over_m_pi_to_the_fourth_less()
    {
        double ePi = SynchrotronFormulas.MeanEnergyLossGeV(100, 0.13957039, 1.75, 4);
        double eE = SynchrotronFormulas.MeanEnergyLossGeV(100, Me, 1.75, 4);
        Tolerance.Rel(1e-3, "(m_e/m_π)⁴ = 1.8e-10, docs/physics/synchrotron-radiation.md#formulas").AssertClose(Math.Pow(Me / 0.13957039, 4), ePi / eE, "ratio");
    }

    [Fact]
    public void Bessel_K_matches_closed_form_half_order()
    {
        // K_{1/2}(z) = √(π/2z) e^{−z} exactly.
        foreach (double z in new[] { 1e-4, 0.1, 1.0, 5.0 })
            Tolerance.Rel(1e-6, "trapezoid on a double-exponentially decaying integrand").AssertClose(
                Math.Sqrt(Math.PI / (2 * z)) * Math.Exp(-z), SynchrotronSpectrum.BesselK(0.5, z), $"K_1/2({z})");
    }

    [Fact]
    public void Spectrum_table_normalisation_and_mean_match_exact_values()
    {
        SynchrotronSpectrum s = SynchrotronSpectrum.Instance;
        // ∫₀^∞ S dξ = ∫₀^∞ z K_{5/3} dz = Γ(1/6)Γ(11/6) = 5π/3; ⟨ξ⟩ = 8/(15√3).
        Tolerance.Rel(1e-3, "log-grid trapezoid, 2001 nodes").AssertClose(5 * Math.PI / 3, s.TotalIntegral, "∫S");
        Tolerance.Rel(1e-3, "docs/physics/synchrotron-radiation.md#formulas: ⟨ħω⟩ = 0.3079 ħω_c").AssertClose(8 / (15 * Math.Sqrt(3)), s.MeanXi, "⟨ξ⟩");
        // Below ξ_min = 1e-7 the share is 3·S(ξ)ξ/(5π/3) with S ≈ ½Γ(5/3)2^{5/3}(3/2)ξ^{−2/3}: ≈ 0.57 % (analytic tail).
        Tolerance.Rel(0.05, "small-argument Bessel limit").AssertClose(
            3 * 0.5 * 0.9027452929509336 * Math.Pow(2, 5.0 / 3) * 1.5 * Math.Pow(1e-7, 1.0 / 3) / (5 * Math.PI / 3), s.CumulativeBelow(1e-7), "share below 1e-7");
    }

    [Fact]
    public void Sampled_photon_energies_have_the_tabulated_mean()
    {
        EventRng r = RngStreams.For(17, StreamKind.Beam, 0);
        const int n = 200_000;
        double sum = 0, sum2 = 0;
        for (int i = 0; i < n; i++) { double x = SynchrotronSpectrum.Instance.SampleXi(ref r); sum += x; sum2 += x * x; }
        double mean = sum / n, err = Math.Sqrt((sum2 / n - mean * mean) / n);
        Tolerance.Abs(4 * err, "4σ of the MC mean").AssertClose(8 / (15 * Math.Sqrt(3)), mean, "sampled ⟨ξ⟩");
    }

    [Fact]
    public void Beam_line_electrons_radiate_V17_energy_and_pions_leave_the_SRD_empty()
    {
        var card = TestCards.Clean() with { Srd = TestCards.PbSc.Srd with { HadronKnockOnProbability = 0 } };
        var t = new BeamLineTransport(card);
        var gen = new BeamGenerator(card.Beam);
        var rec = new BeamLineRecord(4);
        const int n = 4000;
        double sum = 0, sum2 = 0, srd = 0;
        for (int i = 0; i < n; i++)
        {
            EventRng r = RngStreams.For(5, StreamKind.Beam, (ulong)i);
            t.Transport(gen.Sample(DetectorSpecies.Electron, ref r), ref r, rec);
            sum += rec.SrRadiatedGeV; sum2 += rec.SrRadiatedGeV * rec.SrRadiatedGeV; srd += rec.SrdTrueGeV;
        }
        double mean = sum / n, err = Math.Sqrt((sum2 / n - mean * mean) / n);
        output.WriteLine($"SR per 100 GeV e-: {mean * 1e3:F2} ± {err * 1e3:F2} MeV; in SRD band: {srd / n * 1e3:F2} MeV");
        Tolerance.Rel(0.02, "V17: ΔE = 155 MeV within 2 %").AssertClose(0.155, mean, "MC ΔE");
        Assert.True(4 * err < 0.02 * 0.155, "MC error must be below the 2 % tolerance");
        double pionSrd = 0;
        for (int i = 0; i < 2000; i++)
        {
            EventRng r = RngStreams.For(6, StreamKind.Beam, (ulong)i);
            t.Transport(gen.Sample(DetectorSpecies.PionMinus, ref r), ref r, rec);
            pionSrd = Math.Max(pionSrd, rec.SrdTrueGeV);
        }
        // (m_e/m_π)⁴ ≈ 1.8e-10 of 155 MeV: far below a keV.
        Assert.True(pionSrd < 1e-6, $"pion SRD signal {pionSrd} GeV");
    }
}
