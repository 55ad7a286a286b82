using Emiss.Core.Units;
using Emiss.Shower.Geometry;
using Emiss.Signal.Run;
using Emiss.Signal.Tables;
using Xunit;

namespace Emiss.Signal.Tests.Run;

public sealed class DetectorModeTests(SignalFixture fx) : IClassFixture<SignalFixture>
{
    [Fact]
    public void SignalEventsCloseTheEnergyBudgetInTheNa64Stack()
    {
        SlabStack geo = Na64SignalGeometry.Build();
        Assert.Equal(["preshower", "ecal", "veto", "hcal1", "hcal2", "hcal3", "hcal4"], geo.SectionNames.ToArray());
        SignalTables t = SignalTables.Build(fx.Model, geo.Materials, Mass.FromMeV(10), Energy.FromGeV(100));
        // Forced-like biasing (≈ 1 emission per event) so that a handful of full showers yields signal events.
        SignalRunResult r = SignalRunner.Run(t, geo, new SignalOptions { Mode = SignalMode.Detector, KeepEvents = true, TargetEmissionProbability = 1.0 }, 12, 71, threads: 2);
        Assert.NotEmpty(r.Kept);
        foreach (SignalEvent e in r.Kept)
        {
            // Energy conservation: deposits + leakage + A′ = the beam's kinetic energy E0 − m_e (the transport closes
            // every interaction's budget; the A′ carries x E of the emitter's total energy).
            double sum = e.SectionTotalGeV.Sum() + e.LeakedGeV + e.Emission.APrimeEnergyGeV;
            Assert.Equal(100.0 - 0.51099895e-3, sum, 6);
            Assert.True(e.Emission.APrimeEnergyGeV > 50.0);
            // The recoil shower is contained: ECAL (preshower + ecal) holds E0 − E_A′ up to a few % leakage, plus up to
            // 20 MeV that a soft recoil (here down to a few MeV) emitted near the front face can scatter back out of it.
            double ecal = e.SectionTotalGeV[0] + e.SectionTotalGeV[1];
            Assert.InRange(ecal, 0.9 * (100.0 - e.Emission.APrimeEnergyGeV) - 0.02, 100.0 - e.Emission.APrimeEnergyGeV + 1e-6);
            // Cells cover the 22.8 cm ECAL face; the world is 60 cm wide, so a little active energy falls outside them:
            // 3 % of a shower, or up to 5 MeV when a soft recoil's few photons Compton-scatter beyond the cells.
            double cells = e.CellActiveGeV.Skip(36).Take(36).Sum();
            Assert.InRange(cells, 0.97 * e.SectionActiveGeV[1] - 0.005, e.SectionActiveGeV[1] + 1e-9);
        }
    }
}
