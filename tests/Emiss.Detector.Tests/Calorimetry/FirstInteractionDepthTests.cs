using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.Calorimetry;
using Xunit;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>Hadrons whose first-interaction depth the caller fixes (<see cref="IncidentParticle.FirstInteractionLambda"/>),
/// as the importance sampling of the photonuclear background does (docs/physics/hadron-biasing.md).</summary>
public sealed class FirstInteractionDepthTests
{
    private static readonly CalorimeterLayout Layout = new(TestCards.PbSc);
    private static readonly ParametrisedShowerModel Model = new(TestCards.PbSc, Layout);

    private static CalorimeterDeposits Shower(in IncidentParticle p, ulong key)
    {
        var d = new CalorimeterDeposits(36, 4);
        EventRng r = RngStreams.For(3, StreamKind.Shower, key);
        Model.Deposit(p, ref r, d);
        return d;
    }

    [Fact]
    public void A_neutral_hadron_forced_behind_the_stack_leaves_no_signal_and_escapes()
    {
        var p = new IncidentParticle(DetectorSpecies.KaonLong, 60, 0.2, 0.1) { FirstInteractionLambda = Layout.TotalLambda + 0.5 };
        for (ulong k = 0; k < 10; k++)
        {
            CalorimeterDeposits d = Shower(p, k);
            Assert.Equal(0.0, d.EcalTotalGeV());
            Assert.Equal(0.0, d.HcalTotalGeV());
            Assert.Equal(0.0, d.V2MeV);
            Assert.Equal(60.0, d.EscapedGeV, 12);
        }
    }

    [Fact]
    public void A_forced_depth_puts_the_shower_in_the_region_of_that_depth()
    {
        // Forced into the middle of HCAL module 2 (index 1): nothing in the ECAL, in module 0 or in V2; the shower
        // starts in module 1. Forced to the ECAL face: the ECAL holds a large part of a 60 GeV K⁰_L shower.
        CalorimeterRegion m1 = Layout.Regions[Layout.HcalFirstRegion + 2];
        Assert.Equal(RegionKind.HcalModule, m1.Kind);
        Assert.Equal(1, m1.Index);
        var deep = new IncidentParticle(DetectorSpecies.KaonLong, 60, 0, 0) { FirstInteractionLambda = m1.LambdaStart + 0.5 * m1.LambdaThickness };
        var face = new IncidentParticle(DetectorSpecies.KaonLong, 60, 0, 0) { FirstInteractionLambda = 0 };
        for (ulong k = 0; k < 10; k++)
        {
            CalorimeterDeposits d = Shower(deep, k);
            Assert.Equal(0.0, d.EcalTotalGeV());
            Assert.Equal(0.0, d.HcalGeV[0]);
            Assert.True(d.HcalGeV[1] > 10, $"module 1 holds {d.HcalGeV[1]:F2} GeV");
            Assert.True(Shower(face, k).EcalTotalGeV() > 5, "a shower forced to the face starts in the ECAL");
        }
    }

    [Fact]
    public void Without_a_forced_depth_the_model_draws_it_as_before()
    {
        var free = new IncidentParticle(DetectorSpecies.Neutron, 30, 0, 0);
        var unset = free with { FirstInteractionLambda = null };
        for (ulong k = 0; k < 20; k++)
            Assert.Equal(Shower(free, k).HcalGeV, Shower(unset, k).HcalGeV);
    }

    [Theory]
    [InlineData(DetectorSpecies.Electron, 1.0)]
    [InlineData(DetectorSpecies.MuonMinus, 1.0)]
    [InlineData(DetectorSpecies.KaonLong, -0.1)]
    [InlineData(DetectorSpecies.KaonLong, double.PositiveInfinity)]
    public void Only_hadrons_take_a_finite_non_negative_depth(DetectorSpecies kind, double lambda)
    {
        var p = new IncidentParticle(kind, 20, 0, 0) { FirstInteractionLambda = lambda };
        Assert.Throws<ArgumentException>(() => Shower(p, 0));
    }
}
