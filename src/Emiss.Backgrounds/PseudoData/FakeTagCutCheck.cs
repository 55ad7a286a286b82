using System.Globalization;
using Emiss.Detector.BeamLine;
using Emiss.Events.Selection;

namespace Emiss.Backgrounds.PseudoData;

/// <summary>
/// Whether a cut card can be applied to pseudo-data: the mis-tag sources generate the noise-only SRD tags only from
/// <see cref="SrdFakeTag.DefaultThresholdMeV"/> up (docs/physics/synchrotron-radiation.md#the-fake-tag-class), so a
/// cut (ii) that accepts less SRD energy would keep hadrons that the pseudo-data and method 1 never generate: the
/// backgrounds would be too low without any sign. Such a card is refused before any work.
/// </summary>
public static class FakeTagCutCheck
{
    /// <summary>The problem with <paramref name="cuts"/>, or null when cut (ii) starts at or above the fake-tag threshold.</summary>
    public static string? Problem(SelectionCuts cuts)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        if (cuts.Srd.MinMeV >= SrdFakeTag.DefaultThresholdMeV) return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"srd.minMeV {cuts.Srd.MinMeV:G4} MeV is below the {SrdFakeTag.DefaultThresholdMeV:G3} MeV from which pseudo-data generate hadrons whose SRD tag is noise alone, so the backgrounds would miss the hadrons tagged between the two");
    }
}
