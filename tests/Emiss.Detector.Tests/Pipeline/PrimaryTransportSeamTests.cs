using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;
using Emiss.Testing;
using Xunit;

namespace Emiss.Detector.Tests.Pipeline;

/// <summary>The seam between the pipeline and a process (<see cref="IEventPhysics.TransportsPrimary"/>): a process that
/// leaves the transport to the pipeline sees exactly the event it saw before the seam existed, one that owns it gets the
/// bare primary, and a conditioned SRD noise is drawn from its tail.</summary>
public sealed class PrimaryTransportSeamTests
{
    private static SetupCard NoPileUp => TestCards.PbSc with { PileUp = TestCards.PbSc.PileUp with { Enabled = false } };

    [Fact]
    public void A_process_that_leaves_the_transport_to_the_pipeline_changes_nothing()
    {
        // A no-op process draws from its own stream only: every column equals the plain π⁻ event of the same index.
        SetupCard card = TestCards.PbSc;
        const int n = 200;
        EventBatch plain = Sim.Run(card, n, 31, DetectorSpecies.PionMinus);
        var model = new DetectorModel(card, 31);
        var sim = new EventSimulator(model);
        var batch = new EventBatch(n, card.Ecal.CellsX * card.Ecal.CellsY, card.Hcal.Modules);
        var noop = new Recording(transports: false);
        for (int i = 0; i < n; i++) sim.Simulate(i, 1, noop, 1.0, batch);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(plain.SrdEnergyMeV[i], batch.SrdEnergyMeV[i]);
            Assert.Equal(plain.EcalEnergyGeV[i], batch.EcalEnergyGeV[i]);
            Assert.Equal(plain.HcalEnergyGeV[i], batch.HcalEnergyGeV[i]);
            Assert.Equal(plain.TrackMomentumGeV[i], batch.TrackMomentumGeV[i]);
            Assert.Equal(plain.Trigger[i], batch.Trigger[i]);
            Assert.Equal(plain.PileUpCount[i], batch.PileUpCount[i]);
        }
        Assert.True(noop.SawTransported, "without TransportsPrimary the process receives the pipeline's transport");
    }

    [Fact]
    public void A_process_that_owns_the_transport_gets_the_bare_primary_once()
    {
        SetupCard card = NoPileUp;
        var model = new DetectorModel(card, 5);
        var sim = new EventSimulator(model);
        var batch = new EventBatch(50, card.Ecal.CellsX * card.Ecal.CellsY, card.Hcal.Modules);
        var owner = new Recording(transports: true);
        for (int i = 0; i < 50; i++)
        {
            sim.Simulate(i, 1, owner, 1.0, batch);
            // The primary handed over is the beam generator's draw for this event (the first draws of its beam stream).
            EventRng rb = RngStreams.For(5, StreamKind.Beam, (ulong)i);
            Assert.Equal(model.Beam.Sample(DetectorSpecies.PionMinus, ref rb), owner.LastPrimary);
        }
        Assert.False(owner.SawTransported, "with TransportsPrimary the record arrives empty");
    }

    [Fact]
    public void A_conditioned_srd_noise_is_drawn_from_its_tail()
    {
        // No δ ray, no pile-up, noise conditioned on ≥ 3 MeV = 3σ: the SRD reads the noise alone, whose mean is
        // σ·φ(3)/Q(3) = 3.2831 MeV and spread σ·√0.07056 = 0.2656 MeV (truncated normal, closed form).
        SetupCard card = NoPileUp;
        var model = new DetectorModel(card, 6);
        var sim = new EventSimulator(model);
        const int n = 2000;
        var batch = new EventBatch(n, card.Ecal.CellsX * card.Ecal.CellsY, card.Hcal.Modules);
        var noiseOnly = new NoiseOnly();
        for (int i = 0; i < n; i++) sim.Simulate(i, 1, noiseOnly, 1.0, batch);
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            Assert.True(batch.SrdEnergyMeV[i] >= 3.0 * card.Srd.NoiseMeV, $"event {i}: SRD {batch.SrdEnergyMeV[i]} MeV below the conditioned 3σ");
            sum += batch.SrdEnergyMeV[i];
        }
        Tolerance.Abs(5 * 0.2656 * card.Srd.NoiseMeV / Math.Sqrt(n), "5σ of the mean").AssertClose(3.283098654930434 * card.Srd.NoiseMeV, sum / n, "⟨E_SRD⟩ of noise-only tags");
    }

    private sealed class Recording(bool transports) : IEventPhysics
    {
        public TrueProcess Process => TrueProcess.BeamPion;
        public DetectorSpecies Primary => DetectorSpecies.PionMinus;
        public bool TransportsPrimary => transports;
        public bool SawTransported { get; private set; }
        public BeamParticle LastPrimary { get; private set; }

        public double Apply(DetectorModel model, BeamLineRecord record, BeamLineRecord scratch, ref EventRng rng)
        {
            SawTransported |= record.ArrivalCount > 0;
            LastPrimary = record.Primary;
            if (transports) model.BeamLine.Transport(record.Primary, ref rng, record);
            return 1.0;
        }
    }

    private sealed class NoiseOnly : IEventPhysics
    {
        public TrueProcess Process => TrueProcess.BeamPion;
        public DetectorSpecies Primary => DetectorSpecies.PionMinus;
        public bool TransportsPrimary => true;

        public double Apply(DetectorModel model, BeamLineRecord record, BeamLineRecord scratch, ref EventRng rng)
        {
            model.BeamLine.TransportWithoutKnockOn(record.Primary, ref rng, record);
            record.SrdNoiseMinGeV = 3.0 * model.Card.Srd.NoiseMeV * 1e-3;
            return 1.0;
        }
    }
}
