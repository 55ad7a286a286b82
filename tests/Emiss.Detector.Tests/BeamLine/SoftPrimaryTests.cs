using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Events;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Xunit;

namespace Emiss.Detector.Tests.BeamLine;

/// <summary>
/// Electrons that gave almost all their energy to an upstream bremsstrahlung photon. Before the kinematic limits of
/// <see cref="BeamLineTransport"/> such an electron reached the first dipole with E &lt; m_e, the small-angle formula
/// ⟨N_γ⟩ ∝ θ_b ∝ 1/p gave an infinite synchrotron photon mean, and the Poisson sampler never returned
/// (<c>emiss simulate --setup na64-2016-pbsc --events 1 --first-event 708280 --seed 3</c> hung).
/// </summary>
public sealed class SoftPrimaryTests
{
    private const double Me = 0.51099895e-3;

    /// <summary>Bending radius = field length at p = 0.299792458 GeV/(T·m) × B L; both preset dipoles: 1.75 T × 2 m.</summary>
    private const double CrossingMomentumGeV = 0.299792458 * 1.75 * 2.0;

    private static T Within<T>(Func<T> work)
    {
        // A regression would loop forever: fail after a minute instead of hanging the test run.
        Task<T> t = Task.Run(work);
        Assert.True(t.Wait(TimeSpan.FromSeconds(60)), "the event did not finish within 60 s (endless loop)");
        return t.Result;
    }

    [Fact]
    public void Seed_3_event_708280_finishes_and_conserves_energy_in_the_beam_line()
    {
        // Before the fix, the first upstream photon of this event took 99.914 of 99.914 GeV and left the electron with
        // 0.37 MeV < m_e. With the end point k ≤ E − m_e that proposal is rejected and the event is an ordinary one.
        var model = new DetectorModel(TestCards.PbSc, 3);
        var sim = new EventSimulator(model);
        var batch = new EventBatch(1, model.Card.Ecal.CellsX * model.Card.Ecal.CellsY, model.Card.Hcal.Modules);
        Within(() => { sim.Simulate(708280, 1, batch); return 0; });

        BeamLineRecord rec = sim.LastBeamLine;
        Assert.Equal(1, batch.Count);
        Assert.Equal(708280, batch.Event[0]);
        Assert.Equal((int)TrueProcess.BeamElectron, batch.TrueProcessCode[0]);
        Assert.False(rec.PrimaryLost);
        Assert.Equal(DetectorSpecies.Electron, rec.ArrivalKind[0]);
        Assert.True(rec.ArrivalEnergyGeV[0] > Me);
        // Total energy: what arrives + upstream photons + synchrotron photons = the beam particle (to rounding).
        double sum = rec.ArrivalEnergyGeV[0] + rec.UpstreamBremGeV + rec.SrRadiatedGeV;
        Assert.Equal(batch.TrueEnergyGeV[0], sum, 1e-9 * batch.TrueEnergyGeV[0]);
    }

    [Fact]
    public void Seed_3_event_708280_finishes_through_the_pipeline_as_the_simulate_command_runs_it()
    {
        var model = new DetectorModel(SetupPresets.ByName(SetupPresets.Na64_2016_PbSc), 3);
        long rows = 0;
        SimulationSummary s = Within(() => SimulationPipeline.Run(model, new SimulationRequest(708280, 1, 1, 4096, 1), b => rows += b.Count));
        Assert.Equal(1, s.Events);
        Assert.Equal(1, rows);
    }

    [Theory]
    [InlineData(0.0, true)]       // at rest: the hanging case had E < m_e, which the floor p ≥ 1e-6 GeV turned into this
    [InlineData(1e-6, true)]
    [InlineData(0.999, true)]
    [InlineData(1.001, false)]
    public void Electron_is_lost_in_a_dipole_exactly_when_its_bending_radius_is_below_the_field_length(double pOverCrossing, bool lost)
    {
        SetupCard card = TestCards.Clean();
        var transport = new BeamLineTransport(card);
        var rec = new BeamLineRecord(card.Spectrometer.Trackers.Count);
        double p = pOverCrossing * CrossingMomentumGeV;
        var electron = new BeamParticle(DetectorSpecies.Electron, Math.Sqrt(p * p + Me * Me), 0, 0, 0, 0);
        EventRng rng = RngStreams.For(1, StreamKind.Beam, 0);
        Within(() => { transport.Transport(electron, ref rng, rec); return 0; });
        Assert.Equal(lost, rec.PrimaryLost);
        Assert.Equal(lost ? 0 : 1, rec.ArrivalCount);
        // Trackers T3/T4 sit downstream of both dipoles.
        Assert.Equal(!lost, rec.HitValid[2] || rec.HitValid[3]);
    }

    [Fact]
    public void Upstream_bremsstrahlung_never_takes_more_than_the_kinetic_energy()
    {
        // Thick trackers (0.5 X0 each) make electrons radiate down to rest; with photons allowed up to k = E (the old
        // spectrum end point) the electron could arrive below its own mass.
        SetupCard b = TestCards.Clean(2.0);
        SetupCard card = b with
        {
            Spectrometer = b.Spectrometer with { Trackers = [.. b.Spectrometer.Trackers.Select(t => t with { RadiationLengthFraction = 0.5 })] },
        };
        var transport = new BeamLineTransport(card);
        var rec = new BeamLineRecord(card.Spectrometer.Trackers.Count);
        int lostCount = 0;
        for (int i = 0; i < 4000; i++)
        {
            EventRng rng = RngStreams.For(11, StreamKind.Beam, (ulong)i);
            transport.Transport(new BeamParticle(DetectorSpecies.Electron, 2.0, 0, 0, 0, 0), ref rng, rec);
            Assert.True(rec.UpstreamBremGeV <= 2.0 - Me, $"event {i}: photons took {rec.UpstreamBremGeV} GeV of a 2 GeV electron");
            if (rec.PrimaryLost) lostCount++;
            else Assert.True(rec.ArrivalEnergyGeV[0] >= Me, $"event {i}: electron arrives with {rec.ArrivalEnergyGeV[0]} GeV");
        }
        Assert.InRange(lostCount, 1, 3999);   // both branches are exercised
    }
}
