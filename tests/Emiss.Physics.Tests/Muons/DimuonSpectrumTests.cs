using Emiss.Core.Random;
using Emiss.Physics.Muons;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Physics.Tests.Muons;

/// <summary>Dimuons per electron in thick lead (anchor V16, docs/physics/validation-anchors.md#v16) and the photon sampler.</summary>
public sealed class DimuonSpectrumTests(ITestOutputHelper output)
{
    // Pb: ρ = 11.35 g/cm³, A = 207.2, X0 = 0.5612 cm (PDG; docs/physics/materials.md).
    private static DimuonSpectrum Lead(double e0 = 100) =>
        new(e0, 0.5612, [new AbsorberElement(82, 207.2, 11.35 * 6.02214076e23 / 207.2)]);

    [Fact]
    public void Dimuons_per_100_GeV_electron_in_lead_match_V16()
    {
        double n = Lead().PerElectron;
        output.WriteLine($"n_μμ per 100 GeV e⁻ in Pb = {n:E3} (V16: 1.4e-4 ± 20 %)");
        Tolerance.Rel(0.20, "V16: 1.4e-4 ± 20 % (track length × σ)").AssertClose(1.4e-4, n, "γ → μμ per EOT");
    }

    [Fact]
    public void Sampled_photon_energies_follow_track_length_times_cross_section()
    {
        var sp = Lead();
        var rng = RngStreams.For(13, StreamKind.Background, 0);
        var ks = new double[20000];
        for (int i = 0; i < ks.Length; i++) ks[i] = Math.Log(sp.Sample(ref rng).KGeV);
        // Density in ln k: k · 0.572 E0/k² · σ(k) (Rossi A written out; σ validated in MuonPairCrossSectionTests).
        double Density(double lk) { double k = Math.Exp(lk); return 0.572 * 100 / k * MuonPairCrossSection.TotalCm2(k, 82, 207.2); }
        SampledDistribution.AssertMatches(ks, SampledDistribution.Linear(Math.Log(0.5), Math.Log(100), 20), Density, "ln k of converting photons", output);
    }

    [Fact]
    public void Restricted_sampling_follows_the_same_density_and_the_partial_rates_add_up()
    {
        // The biased dimuon process draws k on [45, 90] GeV: the same density there, and the partial integrals that weight it
        // add up to the total (two Gauss–Legendre integrals against one).
        var sp = Lead();
        var rng = RngStreams.For(14, StreamKind.Background, 0);
        var ks = new double[20000];
        for (int i = 0; i < ks.Length; i++) ks[i] = Math.Log(sp.Sample(45, 90, ref rng).KGeV);
        double Density(double lk) { double k = Math.Exp(lk); return 0.572 * 100 / k * MuonPairCrossSection.TotalCm2(k, 82, 207.2); }
        SampledDistribution.AssertMatches(ks, SampledDistribution.Linear(Math.Log(45), Math.Log(90), 12), Density, "ln k on [45, 90] GeV", output);
        double parts = sp.ConversionsBetween(sp.MinimumGeV, 45) + sp.ConversionsBetween(45, 100);
        Assert.Equal(sp.PerElectron, parts, sp.PerElectron * 1e-9);
        Assert.Throws<ArgumentOutOfRangeException>(() => sp.Sample(45, 120, ref rng));
    }
}
