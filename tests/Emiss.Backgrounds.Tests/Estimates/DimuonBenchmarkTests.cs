using Emiss.Backgrounds.Estimates;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events.Selection;
using Emiss.Testing;
using Xunit;

namespace Emiss.Backgrounds.Tests.Estimates;

/// <summary>The dimuon benchmark selection (region I of the seed's Fig. 2) and its place among the method-1 regions.</summary>
public sealed class DimuonBenchmarkTests
{
    [Fact]
    public void Muon_window_follows_the_set_ups_HCAL_response_to_a_minimum_ionising_muon()
    {
        SetupCard card = SetupPresets.ByName(SetupPresets.Na64_2016_PbSc);
        // One muon across the first two modules: 2 × 1.41 GeV of ionisation (48 × (2.5 cm Fe × 11.43 MeV/cm + 0.4 cm Sc ×
        // 2.05 MeV/cm), PDG minimum dE/dx; docs/physics/na64-detector.md#hcal) over e/mip = 0.8, times c_π.
        double expected = 2 * 1.41 / 0.8 * DetectorModel.HadronCalibration(card.Hcal);
        Tolerance.Rel(0.01, "1.41 GeV per module rounded to 3 digits").AssertClose(expected, DimuonBenchmark.MuonHcalDeposit(card), "one muon's E_HCAL");
        DimuonBenchmark b = DimuonBenchmark.For(card);
        Assert.Equal(60.0, b.EcalMaxGeV);
        Assert.Equal(1.5 * b.MuonHcalGeV, b.HcalMinGeV, 12);
        Assert.Equal(3.0 * b.MuonHcalGeV, b.HcalMaxGeV, 12);
        // The seed's "≃ 10 GeV deposited by the dimuon pair in the HCAL" lies inside the window; a single muon does not,
        // and the region stays clear of the signal box and the blinded region (E_HCAL < 1 GeV).
        Assert.True(b.HcalMinGeV < 10 && 10 < b.HcalMaxGeV, $"window [{b.HcalMinGeV}, {b.HcalMaxGeV}) GeV");
        Assert.True(b.HcalMinGeV > b.MuonHcalGeV);
        Assert.True(b.HcalMinGeV > 1.0);
    }

    [Fact]
    public void Membership_needs_cuts_i_to_iii_low_ECAL_energy_and_two_muons_in_the_HCAL()
    {
        var b = new DimuonBenchmark(60, 6, 12, 4);
        Assert.True(b.Contains(CutStage.EcalShape, 40, 8));   // V2 fired by the muons: still in
        Assert.True(b.Contains(CutStage.V2, 40, 8));
        Assert.False(b.Contains(CutStage.Srd, 40, 8));        // failed the shower-shape cut
        Assert.False(b.Contains(CutStage.EcalShape, 60, 8));  // E_ECAL ≥ 60 GeV
        Assert.False(b.Contains(CutStage.EcalShape, 40, 5.9)); // one muon
        Assert.False(b.Contains(CutStage.EcalShape, 40, 12)); // hadronic shower
        Assert.False(b.Contains(CutStage.EcalShape, 40, double.NaN));
    }

    [Fact]
    public void Benchmark_is_appended_to_the_region_list_and_marked_independently_of_the_box()
    {
        Assert.Equal(["signal-box", "sideband-A", "sideband-C", "loose-srd", "dimuon-benchmark"], EstimateRegion.Names);
        Assert.Equal("dimuon-benchmark", EstimateRegion.Names[EstimateRegion.DimuonBenchmark]);
        Span<bool> mark = stackalloc bool[EstimateRegion.Names.Count];
        EstimateRegion.Mark(CutStage.EcalShape, SignalRegion.Other, true, mark);
        Assert.Equal([false, false, false, true, true], mark.ToArray());
        EstimateRegion.Mark(CutStage.V2, SignalRegion.SignalBox, false, mark);
        Assert.Equal([true, false, false, true, false], mark.ToArray());
    }
}
