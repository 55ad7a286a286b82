using Emiss.Backgrounds.Sources;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;
using Emiss.Physics.Photonuclear;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Backgrounds.Tests;

/// <summary>π⁻ charge exchange in the ECAL (docs/physics/hadron-response.md#charge-exchange).</summary>
public sealed class ChargeExchangeSourceTests(ITestOutputHelper output)
{
    private static readonly DetectorModel Model = new(SetupPresets.ByName(SetupPresets.Na64_2016_PbSc), 7);

    [Fact]
    public void Identity_and_systematic_follow_the_seed()
    {
        var s = new ChargeExchangeSource();
        Assert.Equal("charge-exchange", s.Name);
        Assert.Equal(TrueProcess.ChargeExchange, s.Process);
        Assert.Equal("μ, π, K interactions in the target", s.TableRow);
        Assert.Equal(0.3, s.RatePerEot(Model).Validated(s.Name).RelativeSystematic);
    }

    [Fact]
    public void Lead_cross_section_is_the_documented_glauber_estimate()
    {
        // docs/physics/hadron-response.md#charge-exchange: N_eff(Pb) = 82 × 28.5·207.2^0.75/(207.2 × 20.7) ≈ 29.7 protons,
        // σ(π⁻Pb → π⁰X, 100 GeV) ≈ 29.7 × 4 µb = 0.119 mb (hand evaluation, 3 digits).
        Tolerance.Rel(0.01, "hand evaluation, 3 digits").AssertClose(0.119, PionChargeExchange.NuclearMillibarn(207.2, 82, 100), "σ(π⁻Pb → π⁰X)");
    }

    [Fact]
    public void Rate_is_fraction_times_knock_on_times_exchange_probability()
    {
        var c = Model.Card;
        double p = ChargeExchangeSource.ExchangeProbability(Model, c.Beam.EnergyGeV);
        // Bounds on P from pure materials: Pb alone gives (1 − 1/e) σ_cex/σ_abs = 0.632 × 0.119/1553 = 4.8e-5; the
        // scintillator's free protons raise it, its small λ share lowers the Pb part. Hand estimate for 1.5/1.5 mm:
        // within a factor 1.5 of the Pb value.
        output.WriteLine($"P(charge exchange in the first λ_I) = {p:E3}");
        Assert.InRange(p, 4.8e-5 / 1.5, 4.8e-5 * 1.5);
        double expected = c.Beam.Composition.PionFraction / c.Beam.Composition.ElectronFraction * Model.SrdFakeTag.Probability * p;
        Assert.Equal(expected, new ChargeExchangeSource().RatePerEot(Model).PerEot, 15);
    }

    [Fact]
    public void Process_forces_the_tag_and_replaces_the_pion_by_two_forward_photons_and_a_soft_neutron()
    {
        IEventPhysics proc = new ChargeExchangeSource().CreateProcess(Model, false);
        Assert.Equal(DetectorSpecies.PionMinus, proc.Primary);
        Assert.True(proc.TransportsPrimary, "the process transports the pion once, conditioned on the fake tag");
        double minFraction = 1;
        for (int i = 0; i < 500; i++)
        {
            var rec = new BeamLineRecord(Model.Card.Spectrometer.Trackers.Count);
            var rb = RngStreams.For(3, StreamKind.Beam, (ulong)i);
            var pion = new BeamParticle(DetectorSpecies.PionMinus, 100, 0, 0, 0, 0);
            Model.BeamLine.Transport(pion, ref rb, rec);
            var rng = RngStreams.For(3, StreamKind.Background, (ulong)i);
            // The process first transports the pion conditioned on the SRD fake tag: the same stream replays it,
            // giving the pion's energy at the ECAL (100 GeV less the knock-on electrons' energy).
            var replay = rng;
            var forced = new BeamLineRecord(rec.HitX.Length);
            Model.SrdFakeTag.Transport(pion, ref replay, forced);
            double arriving = forced.ArrivalEnergyGeV[0];
            Assert.Equal(1.0, proc.Apply(Model, rec, new BeamLineRecord(rec.HitX.Length), ref rng));
            Assert.Equal(forced.SrdTrueGeV, rec.SrdTrueGeV);
            Assert.Equal(3, rec.ArrivalCount);
            Assert.Equal([DetectorSpecies.Photon, DetectorSpecies.Photon, DetectorSpecies.Neutron], rec.ArrivalKind[..3]);
            double photons = rec.ArrivalEnergyGeV[0] + rec.ArrivalEnergyGeV[1];
            double neutronT = rec.ArrivalEnergyGeV[2] - ParticleProperties.MassGeV(DetectorSpecies.Neutron);
            Assert.Equal(arriving, photons + neutronT, 9);
            minFraction = Math.Min(minFraction, photons / arriving);
        }
        // |t| ~ e^(−10|t|): the neutron takes |t|/2m_N ≈ 0.05 GeV on average; the π⁰ keeps > 99 % in essentially all events.
        output.WriteLine($"smallest π⁰ energy fraction in 500 events: {minFraction:F5}");
        Assert.True(minFraction > 0.99);
    }
}
