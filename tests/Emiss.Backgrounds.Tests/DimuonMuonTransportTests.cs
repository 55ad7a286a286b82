using CsCheck;
using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Setup;
using Emiss.Shower.Processes.Ionisation;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Backgrounds.Tests;

/// <summary>Muons from dimuon events in the calorimeters: <see cref="MuonTransport"/>
/// (docs/physics/muon-pairs.md#muon-transport-in-the-calorimeters).</summary>
public sealed class DimuonMuonTransportTests(ITestOutputHelper output)
{
    [Fact]
    public void Mean_energy_loss_of_a_100_GeV_muon_in_iron_matches_the_table()
    {
        // Muon stopping-power table for iron in the Groom–Mokhov–Striganov format (ADNDT 78 (2001) 183), as tabulated in
        // niess/pumas-materials dedx/muon/iron.txt: T = 100 GeV, total ⟨dE/dx⟩ = 2.778 MeV cm²/g (ionisation 2.207,
        // radiative 0.5714). a(E) here is the Bethe formula with density effect (independent of the table); 5 %.
        double total = MuonTransport.MeanLossGeVCm2PerG(MaterialCatalog.Iron, 100) * 1e3;
        var (b, p, n) = MuonTransport.RadiativeLossGeVCm2PerG(MaterialCatalog.Iron, 100);
        output.WriteLine($"Fe, 100 GeV: ⟨dE/dx⟩ = {total:F3} MeV cm²/g (table 2.778); radiative {(b + p + n) * 1e3:F4} (brems {b * 1e3:F4}, pair {p * 1e3:F4}, nucl {n * 1e3:F4})");
        Tolerance.Rel(0.05, "issue 11 item 4: within 5 % of the table").AssertClose(2.778, total, "⟨dE/dx⟩(μ, Fe, 100 GeV), MeV cm²/g");
    }

    [Fact]
    public void Sampled_radiative_losses_average_to_b_E_X_in_an_HCAL_module()
    {
        SetupCard card = DimuonSourceTests.Clean;
        var layout = new CalorimeterLayout(card);
        var transport = new MuonTransport(card, layout);
        int module0 = layout.HcalFirstRegion;
        // Iron in one module: 48 × 2.5 cm × 7.874 g/cm³; radiative loss 0.5714 MeV cm²/g at 100 GeV (table above).
        double x = card.Hcal.LayersPerModule * card.Hcal.IronThicknessCm * 7.874;
        double expected = 0.5714e-3 * x;
        const int n = 40000;
        var rng = RngStreams.For(3, StreamKind.Shower, 0);
        var losses = Losses(layout);
        Span<double> rad = losses.RadiativeGeV;
        double sum = 0, sum2 = 0;
        int hard = 0, stopped = 0;
        for (int i = 0; i < n; i++)
        {
            var (last, fraction) = transport.Transport(100, 0, ref rng, losses);
            if (last < layout.Regions.Length - 1 || fraction < 1) stopped++; // after a loss of nearly all its energy
            sum += rad[module0];
            sum2 += rad[module0] * rad[module0];
            if (rad[module0] > 1.0) hard++;
        }
        double mean = sum / n, err = Math.Sqrt((sum2 / n - mean * mean) / n);
        output.WriteLine($"HCAL module 1: ⟨radiative⟩ = {mean:F4} ± {err:F4} GeV (b E X = {expected:F4}); losses > 1 GeV in {hard / (double)n:F4} of muons; {stopped} stopped");
        Assert.True(stopped < 0.001 * n, $"{stopped} of {n} 100 GeV muons stopped");
        // The muon enters the module with ≈ 99 GeV (ECAL and V2 losses), which lowers b(E)E by ≈ 1.5 %: 3σ + 2 %.
        Tolerance.Abs(3 * err + 0.02 * expected, "3σ of the sample + 2 % for the energy lost upstream").AssertClose(expected, mean, "mean radiative loss per module");
    }

    [Fact]
    public void Slow_muons_stop_where_their_energy_is_spent()
    {
        SetupCard card = DimuonSourceTests.Clean;
        var layout = new CalorimeterLayout(card);
        var transport = new MuonTransport(card, layout);
        var rng = RngStreams.For(4, StreamKind.Shower, 0);
        var losses = Losses(layout);
        foreach (double e in new[] { 1.0, 2.0, 4.0 })
        {
            var (last, fraction) = transport.Transport(e, 0, ref rng, losses);
            double ion = 0, radiative = 0, knockOn = 0;
            for (int r = 0; r <= last; r++)
            {
                ion += losses.IonisationGeV[r];
                radiative += losses.RadiativeGeV[r];
                knockOn += losses.KnockOnGeV[r];
            }
            output.WriteLine($"{e} GeV μ stops in region {last} ({layout.Regions[last].Kind} {layout.Regions[last].Index}) at {fraction:F3}; ionisation {ion:F3} + knock-on {knockOn:F4} + radiative {radiative:F4} GeV");
            Assert.True(fraction < 1.0, $"a {e} GeV muon crosses the whole stack");
            // Energy conservation: kinetic energy = ionisation + knock-on electrons + radiative loss.
            Tolerance.Abs(1e-9, "energy bookkeeping").AssertClose(e - 0.1056583755, ion + knockOn + radiative, $"losses of a {e} GeV muon");
        }
    }

    [Theory]
    [InlineData(100.0)]
    [InlineData(10.0)]
    public void Restricted_loss_and_knock_on_electrons_add_up_to_the_Bethe_loss(double kineticGeV)
    {
        // PDG "Passage of particles through matter": the restricted loss below T_δ (eq. 34.12) plus the mean energy of the
        // knock-on electrons above it (eq. 34.6 integrated) is the Bethe mean loss (eq. 34.5), whatever T_δ. In the first
        // region the muon has its entrance energy, so the sampled sum must average to eq. 34.5 × the region's materials:
        // 1 % (the hold below the minimum's βγ and the knock-on cap do not act here) + 3σ of the sample.
        SetupCard card = DimuonSourceTests.Clean;
        var layout = new CalorimeterLayout(card);
        var transport = new MuonTransport(card, layout);
        double mu = 0.1056583755;
        var losses = Losses(layout);
        foreach ((int region, string absorberName, string activeName, double t, double ts) in new[]
                 {
                     (0, card.Ecal.AbsorberMaterial, card.Ecal.ActiveMaterial, card.Ecal.LeadThicknessCm, card.Ecal.ScintillatorThicknessCm),
                     (layout.HcalFirstRegion, card.Hcal.AbsorberMaterial, card.Hcal.ActiveMaterial, card.Hcal.IronThicknessCm, card.Hcal.ScintillatorThicknessCm),
                 })
        {
            Material absorber = MaterialCatalog.ByName(absorberName), active = MaterialCatalog.ByName(activeName);
            CalorimeterRegion reg = layout.Regions[region];
            double bethe = reg.ThicknessCm / (t + ts) * (t * MuonStoppingPower.GeVPerCm(absorber, kineticGeV, mu)
                                                        + ts * MuonStoppingPower.GeVPerCm(active, kineticGeV, mu));
            const int n = 100000;
            var rng = RngStreams.For(5, StreamKind.Shower, (ulong)(kineticGeV + region));
            double sum = 0, sum2 = 0;
            for (int i = 0; i < n; i++)
            {
                transport.Transport(kineticGeV + mu, region, ref rng, losses);
                double x = losses.IonisationGeV[region] + losses.KnockOnGeV[region];
                sum += x;
                sum2 += x * x;
            }
            double mean = sum / n, err = Math.Sqrt((sum2 / n - mean * mean) / n);
            output.WriteLine($"{reg.Kind}, T = {kineticGeV} GeV, T_δ = {transport.KnockOnThresholdGeV(region) * 1e3:F2} MeV: restricted {losses.IonisationGeV[region] * 1e3:F3} MeV + ⟨knock-on⟩ = {mean * 1e3:F3} ± {err * 1e3:F3} MeV; Bethe {bethe * 1e3:F3} MeV");
            Tolerance.Abs(0.01 * bethe + 3 * err, "1 % + 3σ").AssertClose(bethe, mean, "restricted + knock-on vs Bethe");
        }
    }

    [Fact]
    public void The_knock_on_threshold_is_the_energy_that_crosses_one_absorber_plate()
    {
        // An electron stops in the plate where it was born when its energy is below the plate's minimum-ionising loss
        // (1.5 mm Pb: 0.15 × 11.35 × 1.122 MeV; 25 mm Fe: 2.5 × 7.874 × 1.451 MeV; PDG tables of dE/dx_min).
        SetupCard card = DimuonSourceTests.Clean;
        var layout = new CalorimeterLayout(card);
        var transport = new MuonTransport(card, layout);
        Tolerance.Rel(0.02, "PDG dE/dx_min of Pb to its printed digits").AssertClose(card.Ecal.LeadThicknessCm * 11.35 * 1.122e-3, transport.KnockOnThresholdGeV(0), "T_δ, ECAL");
        Tolerance.Rel(0.02, "PDG dE/dx_min of Fe to its printed digits").AssertClose(card.Hcal.IronThicknessCm * 7.874 * 1.451e-3, transport.KnockOnThresholdGeV(layout.HcalFirstRegion), "T_δ, HCAL");
        Assert.True(double.IsNaN(transport.KnockOnThresholdGeV(layout.HcalFirstRegion - 1)), "V2 is a thin plane without knock-on showers");
    }

    [Fact]
    public void Losses_never_exceed_the_kinetic_energy_and_close_it_when_the_muon_stops()
    {
        // Any muon energy (0.12 GeV–5 TeV), entry region and stream: every loss is ≥ 0, together they never exceed the kinetic
        // energy, and a muon that stops has spent exactly that (rounding 10⁻⁹ GeV).
        SetupCard card = DimuonSourceTests.Clean;
        var layout = new CalorimeterLayout(card);
        var transport = new MuonTransport(card, layout);
        int n = layout.Regions.Length;
        Gen.Select(Gen.Double[Math.Log(0.12), Math.Log(5000)], Gen.Int[0, n - 1], Gen.ULong).Sample((lnE, first, key) =>
        {
            double e = Math.Exp(lnE), kinetic = e - 0.1056583755;
            var losses = Losses(layout);
            var rng = RngStreams.For(6, StreamKind.Shower, key);
            var (last, fraction) = transport.Transport(e, first, ref rng, losses);
            double sum = 0;
            for (int r = 0; r < n; r++)
            {
                Assert.True(losses.IonisationGeV[r] >= 0 && losses.RadiativeGeV[r] >= 0 && losses.KnockOnGeV[r] >= 0 && losses.ReadGeV[r] >= 0, $"negative loss in region {r}");
                if (r < first || r > last) Assert.True(losses.IonisationGeV[r] + losses.RadiativeGeV[r] + losses.KnockOnGeV[r] == 0, $"loss outside the path in region {r}");
                sum += losses.IonisationGeV[r] + losses.RadiativeGeV[r] + losses.KnockOnGeV[r];
            }
            Assert.True(sum <= kinetic + 1e-9, $"losses {sum} GeV exceed the kinetic energy {kinetic} GeV");
            if (last < n - 1 || fraction < 1) Assert.True(Math.Abs(sum - kinetic) <= 1e-9, $"a stopped muon of {kinetic} GeV lost {sum} GeV");
        }, iter: 2000);
    }

    private static MuonRegionLosses Losses(CalorimeterLayout layout)
    {
        int n = layout.Regions.Length;
        return new MuonRegionLosses(new double[5 * n], n);
    }
}
