using Emiss.Detector.Beam;

namespace Emiss.Backgrounds.Sources;

/// <summary>The background sources Emiss simulates, by name (the order is part of the pseudo-data key scheme:
/// append new sources, never reorder).</summary>
public static class SourceCatalog
{
    /// <summary>All sources in key order.</summary>
    public static IReadOnlyList<IBackgroundSource> All { get; } =
    [
        new BeamHadronSrdFakeSource(DetectorSpecies.PionMinus),
        new BeamHadronSrdFakeSource(DetectorSpecies.KaonMinus),
        new DecayInFlightSource(),
        new PileUpDecaySource(),
        new UpstreamInteractionSource(),
        new LowEnergyTailSource(),
        new PhotonuclearSource(),
        new ChargeExchangeSource(),
        new DimuonSource(),
        new MuonBremTargetSource(),
        new PunchThroughPhotonSource(),
    ];

    /// <summary>The pseudo-data key slot of a catalogue source (1-based position), or null for a source not in the catalogue.</summary>
    public static int? SlotOf(IBackgroundSource source)
    {
        for (int i = 0; i < All.Count; i++)
            if (ReferenceEquals(All[i], source) || All[i].Name == source?.Name) return i + 1;
        return null;
    }

    /// <summary>The source named <paramref name="name"/>, or null.</summary>
    public static IBackgroundSource? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}
