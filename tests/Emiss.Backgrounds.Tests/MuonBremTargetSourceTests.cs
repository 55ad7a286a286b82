using Emiss.Backgrounds.Sources;
using Emiss.Detector.Beam;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Backgrounds.Tests;

/// <summary>Mis-tagged beam muons radiating in the ECAL (docs/physics/muon-pairs.md#muon-bremsstrahlung-in-the-target).</summary>
public sealed class MuonBremTargetSourceTests(ITestOutputHelper output)
{
    [Fact]
    public void Hard_radiation_probability_in_the_ECAL_lead_matches_the_anchor()
    {
        // docs/physics/muon-pairs.md#muon-bremsstrahlung: P(k > 50 GeV in the ECAL lead) = 6.7e-4 per 100 GeV muon
        // (σ(μPb, k > E/2) = 0.92 mb × 150 × 0.15 cm of Pb × 3.30e22 atoms/cm³), quoted to 2 digits.
        double nPb = 11.35 * 6.02214076e23 / 207.2;
        double lead = Physics.Muons.MuonBremsstrahlung.IntegratedCm2(100, 50, 100, 82, 207.2) * nPb * 150 * 0.15;
        double all = MuonBremTargetSource.RadiationProbability(DimuonSourceTests.PbSc, 100, 50);
        output.WriteLine($"P(k > 50 GeV): lead {lead:E3}, lead + scintillator {all:E3}");
        Tolerance.Rel(0.03, "anchor quoted to 2 digits").AssertClose(6.7e-4, lead, "P(k > E/2) per muon in the ECAL lead");
        // Carbon and hydrogen of the scintillator: σ ∝ Z(Z + 1) per atom, 1.5 C atoms per Pb atom ⇒ ≈ 1 % more.
        Assert.InRange(all / lead, 1.0, 1.02);
    }

    [Fact]
    public void Rate_is_the_product_of_its_factors()
    {
        var model = new DetectorModel(DimuonSourceTests.PbSc, 1);
        var src = new MuonBremTargetSource();
        SourceRate r = src.RatePerEot(model).Validated(src.Name);
        var c = model.Card.Beam.Composition;
        double expected = c.MuonFraction / c.ElectronFraction * model.SrdFakeTag.Probability
                          * MuonBremTargetSource.RadiationProbability(model.Card, model.Card.Beam.EnergyGeV, MuonBremTargetSource.MinPhotonGeV);
        output.WriteLine($"rate {r.PerEot:E3} per EOT: {r.Derivation}");
        Assert.Equal(expected, r.PerEot, 12);
        Assert.Equal(TrueProcess.MuonBremTarget, src.Process);
        Assert.Equal("muon-brem-target", src.Name);
    }

    [Fact]
    public void Events_carry_a_fake_tag_a_photon_shower_and_the_remaining_muon()
    {
        // The clean card without material has no knock-on candidates; S3 keeps its 0.5 cm so the forced class exists.
        SetupCard clean = DimuonSourceTests.Clean;
        var card = clean with
        {
            Spectrometer = clean.Spectrometer with { Counters = [.. clean.Spectrometer.Counters.Select(c => c.Name == "S3" ? c with { ThicknessCm = 0.5 } : c)] },
        };
        var model = new DetectorModel(card, 7);
        var sim = new EventSimulator(model);
        IEventPhysics physics = new MuonBremTargetSource().CreateProcess(model, biased: false);
        const int n = 1000;
        var batch = new EventBatch(n, card.Ecal.CellsX * card.Ecal.CellsY, card.Hcal.Modules);
        int tagged = 0;
        var ratios = new List<double>();
        for (int i = 0; i < n; i++)
        {
            sim.Simulate(i, 1, physics, 1.0, batch);
            var rec = sim.LastBeamLine;
            Assert.Equal(DetectorSpecies.Photon, rec.ArrivalKind[rec.ArrivalCount - 1]);
            double k = rec.ArrivalEnergyGeV[rec.ArrivalCount - 1];
            Assert.InRange(k, MuonBremTargetSource.MinPhotonGeV, 100);
            if (rec.SrdTrueGeV > 0) tagged++;
            if (k > 20) ratios.Add(batch.EcalEnergyGeV[i] / k);
        }
        double m = ratios.Average(), sd = Math.Sqrt(ratios.Sum(r => (r - m) * (r - m)) / (ratios.Count - 1));
        output.WriteLine($"SRD > 0 in {tagged}/{n}; k > 20 GeV: {ratios.Count} events, ⟨E_ECAL/k⟩ = {m:F4} ± {sd / Math.Sqrt(ratios.Count):F4}");
        // An event carries a knock-on candidate from S3 (it reaches the SRD band in ≈ 44 %, KnockOnElectronTests) or a noise-only tag.
        Assert.InRange(tagged, 1, n - 1);
        // The photon showers in the ECAL, calibrated at the EM scale: E_ECAL/k = 1 plus the muon's MIP deposit
        // (≈ 0.4 GeV / (e/mip = 0.7), ≲ 3 % for k > 20 GeV) — 5 % plus 3σ of the sample.
        Tolerance.Abs(0.05 + 3 * sd / Math.Sqrt(ratios.Count), "EM scale + MIP share + 3σ").AssertClose(1.0, m, "⟨E_ECAL/k⟩ for k > 20 GeV");
    }
}
