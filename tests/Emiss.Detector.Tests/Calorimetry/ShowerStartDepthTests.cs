using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.Calorimetry;
using Emiss.Testing;
using Xunit;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>EM showers that start below the ECAL face (<see cref="IncidentParticle.DepthX0"/>), as the recoil of an A′
/// emitted inside the shower does (docs/physics/signal-efficiency.md#signal-event).</summary>
public sealed class ShowerStartDepthTests
{
    private static readonly ParametrisedShowerModel Model = new(TestCards.PbSc, new CalorimeterLayout(TestCards.PbSc));

    private static CalorimeterDeposits Shower(in IncidentParticle p, ulong key)
    {
        var d = new CalorimeterDeposits(36, 4);
        EventRng r = RngStreams.For(9, StreamKind.Shower, key);
        Model.Deposit(p, ref r, d);
        return d;
    }

    /// <summary>A shower that starts in a region (a muon's radiative loss) takes the medium of the calorimeter the region belongs to:
    /// the ECAL's for both of its sections, the HCAL's for its modules.</summary>
    [Fact]
    public void Showers_starting_in_either_ECAL_section_take_the_ECAL_medium()
    {
        var layout = new CalorimeterLayout(TestCards.PbSc);
        for (int r = 0; r < layout.Regions.Length; r++)
        {
            bool ecal = layout.Regions[r].Kind is RegionKind.EcalPreshower or RegionKind.EcalMain;
            if (ecal) Assert.Equal(layout.EcalShowerMedium, Model.MediumOf(r));
            if (layout.Regions[r].Kind == RegionKind.HcalModule) Assert.Equal(layout.HcalShowerMedium, Model.MediumOf(r));
        }
        Assert.NotEqual(layout.EcalShowerMedium.CriticalEnergyGeV, layout.HcalShowerMedium.CriticalEnergyGeV);   // the choice matters
    }

    [Fact]
    public void Depth_zero_is_the_face()
    {
        for (ulong k = 0; k < 20; k++)
        {
            CalorimeterDeposits a = Shower(new IncidentParticle(DetectorSpecies.Electron, 40, 0.3, -0.2), k);
            CalorimeterDeposits b = Shower(new IncidentParticle(DetectorSpecies.Electron, 40, 0.3, -0.2) { DepthX0 = 0 }, k);
            Assert.Equal(a.EcalPreshowerGeV, b.EcalPreshowerGeV);
            Assert.Equal(a.EcalMainGeV, b.EcalMainGeV);
            Assert.Equal(a.EscapedGeV, b.EscapedGeV);
        }
    }

    /// <summary>
    /// The card's preshower is 15 × (1.5 mm Pb + 1.5 mm Sc) = 4.06 X0: a shower starting at 5 X0 leaves nothing there,
    /// and the whole profile stays in the 40 X0 stack, so the mean ECAL energy is E (less the lateral leakage of the
    /// 6 × 6 array, which <c>ecal.containment</c> of a face shower measures: the same, since the lateral profile
    /// does not depend on depth). A shower starting 1 X0 deep puts less in the preshower than one at the face:
    /// the preshower then holds the profile up to 3.06 X0 instead of 4.06 X0, and the profile rises there.
    /// </summary>
    [Fact]
    public void A_deep_start_moves_energy_out_of_the_preshower_and_keeps_the_total()
    {
        const int n = 400;
        double face = 0, faceTotal = 0, deep1 = 0, deepTotal = 0;
        for (ulong k = 0; k < n; k++)
        {
            CalorimeterDeposits f = Shower(new IncidentParticle(DetectorSpecies.Photon, 20, 0, 0), k);
            CalorimeterDeposits d1 = Shower(new IncidentParticle(DetectorSpecies.Photon, 20, 0, 0) { DepthX0 = 1 }, k);
            CalorimeterDeposits d5 = Shower(new IncidentParticle(DetectorSpecies.Photon, 20, 0, 0) { DepthX0 = 5 }, k);
            Assert.All(d5.EcalPreshowerGeV, e => Assert.Equal(0.0, e));
            face += f.EcalPreshowerGeV.Sum();
            deep1 += d1.EcalPreshowerGeV.Sum();
            faceTotal += f.EcalTotalGeV();
            deepTotal += d5.EcalTotalGeV();
        }
        Assert.True(deep1 < 0.8 * face, $"preshower at 1 X0 {deep1 / n:F3} GeV vs face {face / n:F3} GeV");
        // Per-cell sampling fluctuations (9 %/√E) average to < 0.2 % over 400 showers of 20 GeV; back leakage from
        // 5 + 36 X0 of a 20 GeV shower is < 0.1 %.
        Tolerance.Rel(0.005, "sampling fluctuations of 400 showers; back leakage").AssertClose(faceTotal / n, deepTotal / n, "mean ECAL energy, start at 5 X0 vs the face");
    }

    [Fact]
    public void Only_electromagnetic_showers_start_below_the_face()
    {
        Assert.Throws<ArgumentException>(() => Shower(new IncidentParticle(DetectorSpecies.PionMinus, 20, 0, 0) { DepthX0 = 1 }, 0));
        Assert.Throws<ArgumentException>(() => Shower(new IncidentParticle(DetectorSpecies.Electron, 20, 0, 0) { DepthX0 = -1 }, 0));
    }

    /// <summary>The full ECAL model hands what leaks out of V2's back to this model as a shower starting at the HCAL's depth
    /// (<see cref="FullEcalShowerModel"/>). V2 lies wholly before that start and receives nothing, whatever the rounding of
    /// the cumulative depths: until 2026-12-07 the start lay ≈ 10⁻¹⁶ X0 before V2's back, and V2 took the whole shower's
    /// energy as a flow of leaking photons (GeV-scale V2 signals behind a muon's hard radiation).</summary>
    [Fact]
    public void A_shower_starting_at_the_hcal_leaves_nothing_in_v2()
    {
        var layout = new CalorimeterLayout(TestCards.PbSc);
        double hcalDepth = layout.Regions[layout.HcalFirstRegion].X0Start - layout.Regions[0].X0Start;
        for (ulong k = 0; k < 20; k++)
        {
            CalorimeterDeposits d = Shower(new IncidentParticle(DetectorSpecies.Photon, 30, 0, 0) { DepthX0 = hcalDepth }, k);
            Assert.Equal(0.0, d.V2MeV);
            Assert.Equal(0.0, d.EcalTotalGeV());
            Assert.True(d.HcalGeV[0] > 10, $"the shower's energy goes to the first HCAL module ({d.HcalGeV[0]:F2} GeV)");
        }
    }
}
