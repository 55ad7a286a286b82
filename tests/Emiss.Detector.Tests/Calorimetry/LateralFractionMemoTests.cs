using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Xunit;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>
/// The worker's memo of lateral cell fractions (<see cref="LateralFractionMemo"/>) must not change a deposit by a bit:
/// the same particles on the same random stream give identical signals whether every shower computes its fractions or
/// finds them stored by an earlier shower at the same point (the muon's and the pion's showers after the first, every
/// shower of the primed buffer).
/// </summary>
public sealed class LateralFractionMemoTests
{
    [Fact]
    public void Deposits_are_the_same_with_the_fractions_computed_or_remembered()
    {
        var model = new DetectorModel(SetupPresets.ByName(SetupPresets.Na64_2016_PbSc), 20161207);
        ICalorimeterShowerModel showers = model.Showers;
        int cells = model.Card.Ecal.CellsX * model.Card.Ecal.CellsY, modules = model.Card.Hcal.Modules;
        // A 100 GeV μ⁻ (radiative and knock-on showers region after region at one point), a π⁻ (its ionisation's knock-ons
        // and its hadronic shower, started 0.3 λ_I deep in the ECAL, at one point) and a photon, 1.3 cm and −0.7 cm off the centre.
        IncidentParticle[] particles =
        [
            new(DetectorSpecies.MuonMinus, 100, 1.3, -0.7),
            new(DetectorSpecies.PionMinus, 60, 1.3, -0.7) { FirstInteractionLambda = 0.3 },
            new(DetectorSpecies.Photon, 20, 1.3, -0.7),
        ];
        var primed = new CalorimeterDeposits(cells, modules);
        foreach (IncidentParticle p in particles)
        {
            EventRng a = RngStreams.For(7, StreamKind.Digitization, 1), b = a;
            var first = new CalorimeterDeposits(cells, modules);
            first.LateralMemo.Enabled = false;
            showers.Deposit(p, ref a, first);
            // The reference computes the fractions of every shower; the primed buffer last computed them for an electron
            // shower at the same point (the EM radii), and before that for every earlier particle.
            EventRng prime = RngStreams.For(8, StreamKind.Digitization, 1);
            showers.Deposit(new IncidentParticle(DetectorSpecies.Electron, 5, p.XCm, p.YCm), ref prime, primed);
            primed.Clear();
            showers.Deposit(p, ref b, primed);
            Assert.Equal(first.EcalPreshowerGeV, primed.EcalPreshowerGeV);
            Assert.Equal(first.EcalMainGeV, primed.EcalMainGeV);
            Assert.Equal(first.HcalGeV, primed.HcalGeV);
            Assert.Equal(first.MuonMeV, primed.MuonMeV);
            Assert.Equal(first.V2MeV, primed.V2MeV);
            Assert.Equal(first.EscapedGeV, primed.EscapedGeV);
            Assert.True(first.EcalTotalGeV() > 0, $"{p.Kind} leaves signal in the ECAL");
        }
    }
}
