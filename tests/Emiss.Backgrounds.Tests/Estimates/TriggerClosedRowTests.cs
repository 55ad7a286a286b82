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
}
