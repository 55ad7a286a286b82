using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Physics.Photonuclear;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Physics.Tests.Photonuclear;

/// <summary>σ_γA and the photonuclear rate per electron (docs/physics/photonuclear.md#cross-section).</summary>
public sealed class PhotonuclearCrossSectionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(207.2, 14.74)]
    [InlineData(55.845, 4.582)]
    public void Geant4_form_gives_the_derived_100_GeV_values(double a, double expectedMb) =>
        // Hand evaluation of Geant4's G4PhotoNuclearCrossSection UHE expression (docs/physics/photonuclear.md#cross-section:
        // Pb 14.7 mb, Fe 4.6 mb at 100 GeV), 4 digits.
        Tolerance.Rel(1e-3, "hand evaluation of A(1 − 0.072 ln A)[0.0375(ln E − 16.5) + 1.0734 e^(−0.11 ln E)] at E = 1e5 MeV, 4 digits")
            .AssertClose(expectedMb, PhotonuclearCrossSection.Millibarn(a, 100), $"σ_γA(A = {a}, 100 GeV)");

    [Fact]
    public void Free_nucleon_value_matches_the_measured_gamma_p_cross_section_at_sqrt_s_14_GeV()
    {
        // √s = 14 GeV ⇔ k = (s − m_p²)/(2 m_p) = 104 GeV. Measured σ_γp ≈ 0.114 ± 0.003 mb there (PDG total-cross-section
        // compilation; Caldwell et al., Phys. Rev. Lett. 40 (1978) 1222). Tolerance: 2σ of the measurement plus 1 % for reading it.
        Tolerance.Rel(0.063, "σ_γp = 0.114 ± 0.003 mb at √s ≈ 14 GeV (PDG); 2σ + 1 %")
            .AssertClose(0.114, PhotonuclearCrossSection.Millibarn(1, 104), "σ_γp(104 GeV)");
    }

    [Theory]
    [InlineData(207.2)]
    [InlineData(55.845)]
    public void Nuclear_values_match_measured_gamma_p_times_shadowed_nucleon_number(double a)
    {
        // Independent estimate: σ_γA = σ_γp · A^α with σ_γp = 0.114 ± 0.003 mb (PDG, √s ≈ 14 GeV) and α = 0.91 ± 0.02,
        // the A dependence of high-energy photoabsorption on nuclei (Caldwell et al., Phys. Rev. Lett. 42 (1979) 553;
        // review: Bauer, Spital, Yennie, Pipkin, Rev. Mod. Phys. 50 (1978) 261). Tolerance: the two errors in quadrature,
        // δσ/σ = √(0.026² + (0.02 ln A)²) (11 % for Pb, 9 % for Fe).
        double independent = 0.114 * Math.Pow(a, 0.91);
        double rel = Math.Sqrt(0.026 * 0.026 + Math.Pow(0.02 * Math.Log(a), 2));
        double g4 = PhotonuclearCrossSection.Millibarn(a, 104);
        output.WriteLine($"A = {a}: Geant4 form {g4:F3} mb, σ_γp·A^0.91 = {independent:F3} mb, ratio {g4 / independent:F3}");
        Tolerance.Rel(rel, "σ_γp (PDG) × A^(0.91 ± 0.02) (Caldwell et al. 1979)").AssertClose(independent, g4, $"σ_γA(A = {a}, 104 GeV)");
    }

    [Fact]
    public void Hard_photonuclear_events_in_lead_fall_in_the_derived_band()
    {
        // docs/physics/photonuclear.md#rate-per-electron: hard (k > 50 GeV) photonuclear events per 100 GeV electron in
        // thick Pb ≈ (1.0–1.6)e-4 (σ_γA/σ_pair = 3.5e-4 times 0.3–0.45 photons above 50 GeV).
        var pb = PhotonuclearTarget.FromLayers([(MaterialCatalog.Lead, 1.0)]);
        double n = pb.ExpectedPerElectron(100, 50, 100);
        output.WriteLine($"Pb, k > 50 GeV: {n:E3} per 100 GeV e⁻");
        Assert.InRange(n, 1.0e-4, 1.6e-4);
    }

    [Fact]
    public void Rate_integral_matches_the_closed_form_for_constant_cross_section_to_quadrature_accuracy()
    {
        // With σ frozen the integral is 0.572 X0 n σ E0 (1/k1 − 1/k2); σ_γA varies by < 5 % over 50–100 GeV, so compare the
        // quadrature with the closed form bracketed by σ at both ends.
        var pb = PhotonuclearTarget.FromLayers([(MaterialCatalog.Lead, 1.0)]);
        double n = pb.ExpectedPerElectron(100, 50, 100);
        double lo = Math.Min(pb.InteractionsPerX0(50), pb.InteractionsPerX0(100)) * PhotonTrackLength.Between(100, 50, 100);
        double hi = Math.Max(pb.InteractionsPerX0(50), pb.InteractionsPerX0(100)) * PhotonTrackLength.Between(100, 50, 100) * 1.0001;
        Assert.InRange(n, lo * 0.999, hi);
    }

    [Fact]
    public void Sampled_photon_energies_follow_track_length_times_cross_section()
    {
        var ecal = PhotonuclearTarget.FromLayers([(MaterialCatalog.Lead, 0.15), (MaterialCatalog.Polystyrene, 0.15)]);
        var rng = RngStreams.For(11, StreamKind.Background, 0);
        var ks = new double[20000];
        for (int i = 0; i < ks.Length; i++) ks[i] = ecal.SampleEnergy(10, 100, ref rng);
        SampledDistribution.AssertMatches(ks, SampledDistribution.Linear(10, 100, 30), k => ecal.EnergyDensity(k, 10, 100), "k of photonuclear interactions", output);
    }
}
