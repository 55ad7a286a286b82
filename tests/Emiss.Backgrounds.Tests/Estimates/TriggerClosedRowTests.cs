using Emiss.Backgrounds.Estimates;
using Emiss.Backgrounds.PseudoData;
using Emiss.Backgrounds.Sources;
using Emiss.Backgrounds.Tests.Sources;
using Emiss.Core.IO;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Testing;
using Xunit;

namespace Emiss.Backgrounds.Tests.Estimates;

/// <summary>A Table I row whose sources cannot fire the trigger in the set-up says so, instead of quoting the sample's
/// upper bound (docs/physics/beam-line.md#where-a-hard-photon-and-its-electron-go).</summary>
public sealed class TriggerClosedRowTests
{
    private static PseudoDataRequest Request(SetupCard pbsc, SetupCard bgo) =>
        new([new PseudoDataRun("pbsc-srd", 1, pbsc, 2e6), new PseudoDataRun("bgo-srd", 2, bgo, 1e6)], 9,
            [new UpstreamInteractionSource(), new DecayInFlightSource()], 300, SeedCuts.Na64_2016(), 0, new Provenance("test", 9, ""));

    [Fact]
    public void Upstream_interactions_are_closed_in_the_2016_set_ups_and_open_with_a_wide_S3()
    {
        var source = new UpstreamInteractionSource();
        Assert.NotNull(source.TriggerClosedReason(new DetectorModel(SetupPresets.ByName(SetupPresets.Na64_2016_PbSc), 1)));
        Assert.NotNull(source.TriggerClosedReason(new DetectorModel(SetupPresets.ByName(SetupPresets.Na64_2016_Bgo), 1)));
        // S3 30 cm wide: the window behind the plane in the middle of MBPL1 opens (HardBremAcceptanceTests).
        Assert.Null(source.TriggerClosedReason(new DetectorModel(BackgroundTestCards.Enhanced, 1)));
        // A source that cannot tell keeps the default.
        Assert.Null(((IBackgroundSource)new DecayInFlightSource()).TriggerClosedReason(new DetectorModel(BackgroundTestCards.Enhanced, 1)));
    }

    [Fact]
    public void A_row_closed_in_every_run_is_reported_as_zero_by_kinematics_and_an_open_run_keeps_the_bound()
    {
        SetupCard pbsc = SetupPresets.ByName(SetupPresets.Na64_2016_PbSc), bgo = SetupPresets.ByName(SetupPresets.Na64_2016_Bgo);
        string row = new UpstreamInteractionSource().TableRow;
        SourceEstimate Box(string run, string source) => new(run, EstimateRegion.Names[EstimateRegion.SignalBox], source, row, 0, 0, 0, 300, 0, 2.97e4);
        SourceEstimate[] estimates = [Box("pbsc-srd", "upstream-interaction"), Box("bgo-srd", "upstream-interaction")];

        PseudoDataRequest closed = Request(pbsc, bgo);
        string table = BackgroundsCsv.FormatTableI(estimates, closed, PseudoDataCampaign.TriggerClosedSources(closed));
        string line = table.Split('\n').Single(l => l.StartsWith(row, StringComparison.Ordinal));
        Assert.Contains("upstream-interaction: 0 by kinematics: no hard photon", line, StringComparison.Ordinal);
        Assert.DoesNotContain("90% CL bound", line, StringComparison.Ordinal);

        // The row also holds the low-energy tail, which the set-up does not close: its part of the note keeps the bound.
        SourceEstimate[] both = [.. estimates, Box("pbsc-srd", "low-energy-tail"), Box("bgo-srd", "low-energy-tail")];
        string mixed = BackgroundsCsv.FormatTableI(both, closed, PseudoDataCampaign.TriggerClosedSources(closed))
            .Split('\n').Single(l => l.StartsWith(row, StringComparison.Ordinal));
        Assert.Contains("upstream-interaction: 0 by kinematics", mixed, StringComparison.Ordinal);
        Assert.Contains("low-energy-tail: no simulated event reached the box", mixed, StringComparison.Ordinal);

        // One run with a wide S3: the row is not closed everywhere, so the sample's bound is what Emiss can say.
        PseudoDataRequest open = Request(BackgroundTestCards.Enhanced, bgo);
        Assert.Empty(PseudoDataCampaign.TriggerClosedSources(open));
        string openLine = BackgroundsCsv.FormatTableI(estimates, open, PseudoDataCampaign.TriggerClosedSources(open))
            .Split('\n').Single(l => l.StartsWith(row, StringComparison.Ordinal));
        Assert.Contains("90% CL bound", openLine, StringComparison.Ordinal);
    }

    [Fact]
    public void The_beam_line_row_is_closed_by_both_its_sources_in_the_2016_set_ups()
    {
        SetupCard pbsc = SetupPresets.ByName(SetupPresets.Na64_2016_PbSc), bgo = SetupPresets.ByName(SetupPresets.Na64_2016_Bgo);
        var request = new PseudoDataRequest([new PseudoDataRun("pbsc-srd", 1, pbsc, 2e6), new PseudoDataRun("bgo-srd", 2, bgo, 1e6)], 9,
            [new UpstreamInteractionSource(), new LowEnergyTailSource()], 300, SeedCuts.Na64_2016(), 0, new Provenance("test", 9, ""));
        string row = new UpstreamInteractionSource().TableRow;
        SourceEstimate Box(string run, string source) => new(run, EstimateRegion.Names[EstimateRegion.SignalBox], source, row, 0, 0, 0, 300, 0, 216);
        SourceEstimate[] estimates = [Box("pbsc-srd", "upstream-interaction"), Box("bgo-srd", "upstream-interaction"),
                                      Box("pbsc-srd", "low-energy-tail"), Box("bgo-srd", "low-energy-tail")];
        string line = BackgroundsCsv.FormatTableI(estimates, request, PseudoDataCampaign.TriggerClosedSources(request))
            .Split('\n').Single(l => l.StartsWith(row, StringComparison.Ordinal));
        Assert.Contains("upstream-interaction: 0 by kinematics", line, StringComparison.Ordinal);
        Assert.Contains("low-energy-tail: 0 by kinematics: the least-bent tail electron (80 GeV) passes S3", line, StringComparison.Ordinal);
        Assert.DoesNotContain("90% CL bound", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_events_names_its_sources_without_a_box_event_and_their_bounds()
    {
        SetupCard pbsc = SetupPresets.ByName(SetupPresets.Na64_2016_PbSc), bgo = SetupPresets.ByName(SetupPresets.Na64_2016_Bgo);
        PseudoDataRequest request = Request(pbsc, bgo);
        const string row = "μ, π,K interactions in the target";
        string box = EstimateRegion.Names[EstimateRegion.SignalBox];
        SourceEstimate[] estimates =
        [
            new("pbsc-srd", box, "muon-brem-target", row, 2e-6, 7e-7, 3e-7, 300, 36, double.NaN),
            new("pbsc-srd", box, "pion-srd-fake", row, 0, 0, 0, 300, 0, 8.11977),
            new("bgo-srd", box, "pion-srd-fake", row, 0, 0, 0, 300, 0, 2.39237),
            new("pbsc-srd", box, "kaon-srd-fake", row, 0, 0, 0, 300, 0, 0.6),
            new("bgo-srd", box, "kaon-srd-fake", row, 1e-9, 1e-9, 0, 300, 1, double.NaN),
        ];
        string line = BackgroundsCsv.FormatTableI(estimates, request, PseudoDataCampaign.TriggerClosedSources(request))
            .Split('\n').Single(l => l.StartsWith($"\"{row}\"", StringComparison.Ordinal)); // quoted: the text has commas
        Assert.Contains("sources: muon-brem-target + pion-srd-fake + kaon-srd-fake", line, StringComparison.Ordinal);
        Assert.Contains("pion-srd-fake: no simulated event reached the box, 90% CL bound 8.11977 + 2.39237 events", line, StringComparison.Ordinal);
        // A source with a box event in one run is part of the sum, not a bound.
        Assert.DoesNotContain("kaon-srd-fake: no simulated event", line, StringComparison.Ordinal);
        // Every row with sources ends its note with the sentence on what decides it.
        Assert.Contains("; why: " + SeedTableI.Rows.Single(r => r.Text == row).Why, line, StringComparison.Ordinal);
        Assert.All(SeedTableI.Rows, r => Assert.True(r.Why.Length > 40, $"{r.Text}: no sentence on the difference"));
    }
}
