using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;
using Xunit;

namespace Emiss.Detector.Tests.Pipeline;

/// <summary>A process can start the shower of a photon or e± arrival below the ECAL face
/// (<see cref="BeamLineRecord.SetShowerDepth"/>; the photons of a hadron's interaction inside the ECAL,
/// docs/physics/hadron-response.md#leading-neutral-kaon).</summary>
public sealed class ArrivalShowerDepthTests
{
    private static SetupCard NoPileUp => TestCards.PbSc with { PileUp = TestCards.PbSc.PileUp with { Enabled = false } };

    /// <summary>Replaces the event with one 20 GeV photon on the beam axis, its shower started at <paramref name="depthX0"/>
    /// (NaN: at the face).</summary>
    private sealed class Photon(double depthX0) : IEventPhysics
    {
        public TrueProcess Process => TrueProcess.BeamElectron;

        public DetectorSpecies Primary => DetectorSpecies.Electron;

        public double Apply(DetectorModel model, BeamLineRecord record, BeamLineRecord scratch, ref EventRng rng)
        {
            while (record.ArrivalCount > 0) record.RemoveArrival(0); // the beam electron and any photon it radiated upstream
            record.AddArrival(DetectorSpecies.Photon, 20, 0, 0);
            if (!double.IsNaN(depthX0)) record.SetShowerDepth(0, depthX0);
            return 1.0;
        }
    }

    private static (double Preshower, double Ecal) Mean(double depthX0)
    {
        SetupCard card = NoPileUp;
        var sim = new EventSimulator(new DetectorModel(card, 7));
        var batch = new EventBatch(100, card.Ecal.CellsX * card.Ecal.CellsY, card.Hcal.Modules);
        var p = new Photon(depthX0);
        for (int i = 0; i < 100; i++) sim.Simulate(i, 1, p, 1.0, batch);
        return (batch.EcalPreshowerGeV.Take(batch.Count).Average(), batch.EcalEnergyGeV.Take(batch.Count).Average());
    }

    [Fact]
    public void A_deep_start_empties_the_preshower_and_keeps_the_ecal_sum()
    {
        (double facePre, double faceEcal) = Mean(double.NaN);
        (double deepPre, double deepEcal) = Mean(10);
        // A 20 GeV photon shower puts ≈ 10–20 % of its energy into the first 4 X0; one started 10 X0 deep, below the
        // 4.06 X0 preshower, puts nothing there, and the ECAL (≈ 40 X0) still contains it.
        Assert.True(facePre > 1.0, $"face start: preshower {facePre:F3} GeV");
        Assert.True(deepPre < 0.01 * facePre, $"10 X0 start: preshower {deepPre:F4} GeV against {facePre:F3} at the face");
        Assert.InRange(deepEcal / faceEcal, 0.95, 1.05);
    }

    [Fact]
    public void Only_electromagnetic_arrivals_take_a_shower_depth()
    {
        var record = new BeamLineRecord(4);
        record.AddArrival(DetectorSpecies.PionMinus, 10, 0, 0);
        Assert.Throws<ArgumentException>(() => record.SetShowerDepth(0, 1));
        record.AddArrival(DetectorSpecies.Photon, 10, 0, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => record.SetShowerDepth(1, -1));
        record.SetShowerDepth(1, 3);
        record.RemoveArrival(0);
        Assert.Equal(3, record.ArrivalShowerDepthX0[0]);
        record.SetArrival(0, DetectorSpecies.Photon, 5, 0, 0);
        Assert.True(double.IsNaN(record.ArrivalShowerDepthX0[0]), "a replaced arrival starts at the face again");
    }
}
