using Emiss.Core.Random;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Validation;

/// <summary>Muons through 40 X0 of lead in the shower engine (docs/physics/muons.md#radiative-losses): ionisation
/// (our Bethe formula) plus the radiative losses (continuous and sampled) against the total stopping power of the
/// Groom–Mokhov–Striganov tables (niess/pumas-materials dedx/muon/lead.txt, "dE/dx" column, whose ionisation part is
/// theirs, not ours).</summary>
public class MuonEnergyLossTests(ITestOutputHelper output)
{
    /// <summary>Photons and e± below 0.4 GeV are not followed: the muon's loss does not depend on them.</summary>
    private static readonly PhysicsOptions Options = PhysicsOptions.Standard with { GammaCutGeV = 0.4, ElectronCutGeV = 0.4, TrackingCutGeV = 0.4 };

    [Theory]
    // T (GeV), pumas total dE/dx at T and at T − 1 GeV (MeV cm²/g; 10 and 100 GeV rows, interpolated linearly to T − 1 GeV)
    [InlineData(100.0, 3.218, 3.2013)]
    [InlineData(10.0, 1.690, 1.666)]
    public void Mean_loss_of_a_muon_through_thick_lead_matches_the_tabulated_total(double kineticGeV, double dedxAt, double dedxBelow)
    {
        const int batches = 8, perBatch = 25000;
        var physics = new ShowerPhysics(GeometryCatalog.Load("pb-thick"), Options);
        SlabStack g = physics.Geometry;
        double gramsPerCm2 = g.Layers.Sum(l => l.ThicknessCm * l.Material.DensityGPerCm3);
        var means = new double[batches];
        Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = 2 }, b =>
        {
            var transport = new ShowerTransport(physics);
            var obs = new MuonExit();
            double sum = 0;
            for (int i = 0; i < perBatch; i++)
            {
                obs.ExitKineticGeV = 0;
                EventRng rng = RngStreams.For(1937, StreamKind.Shower, (ulong)(b * perBatch + i));
                transport.RunEvent(ShowerSpecies.MuonMinus, kineticGeV, ref rng, ref obs);
                sum += kineticGeV - obs.ExitKineticGeV;
            }
            means[b] = sum / perBatch;
        });
        double mean = means.Average(), err = Math.Sqrt(means.Sum(m => (m - mean) * (m - mean)) / (batches - 1) / batches);
        // The loss changes dE/dx little over the lead (< 1 GeV): the mean of the table at T and T − 1 GeV, weighted to the loss.
        double lossGuess = dedxAt * 1e-3 * gramsPerCm2;
        double expected = (dedxAt + (dedxBelow - dedxAt) * 0.5 * lossGuess) * 1e-3 * gramsPerCm2;
        output.WriteLine($"T = {kineticGeV} GeV through {gramsPerCm2:F1} g/cm² of Pb: mean loss {mean:F4} ± {err:F4} GeV; table {expected:F4} GeV");
        Tolerance.Abs(0.03 * expected + 3 * err, "3 % (ionisation formula and table interpolation) + 3σ_stat (batch means)").AssertClose(expected, mean, "mean muon energy loss (GeV)");
    }

    /// <summary>Records the kinetic energy of the muon that leaves the stack (0 if it stops).</summary>
    private struct MuonExit : IShowerObserver
    {
        public double ExitKineticGeV;

        public readonly void OnStep(in StepPoint point) { }

        public readonly void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV) { }

        public readonly void OnInteraction(int processIndex, in ParticleState incoming, int slab) { }

        public void OnLeak(in LeavingParticle particle, double budgetGeV)
        {
            if (particle.Type is ShowerSpecies.MuonMinus) ExitKineticGeV += particle.KineticEnergyGeV;
        }

        public readonly void OnInvisible(int processIndex, double energyGeV, int slab) { }
    }
}
