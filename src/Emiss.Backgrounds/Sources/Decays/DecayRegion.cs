using Emiss.Detector.Setup;

namespace Emiss.Backgrounds.Sources.Decays;

/// <summary>
/// Where a beam particle's decay can fake the signal: from the last upstream element of the set-up card (SRD at the
/// downstream end of the vacuum vessel, counters, trackers, dipoles; z = −90 cm in the 2016 cards) to the ECAL face
/// (z = 0). Upstream of it the daughters would cross the SRD window and the last counters, and the seed's mechanism
/// places the decay "in the upstream ECAL region" (docs/physics/decays-in-flight.md#decay-region).
/// </summary>
/// <param name="StartZCm">z of the region's upstream end, cm (negative).</param>
public readonly record struct DecayRegion(double StartZCm)
{
    /// <summary>Length of the region, cm.</summary>
    public double LengthCm => -StartZCm;

    /// <summary>The region of a set-up card.</summary>
    public static DecayRegion FromCard(SetupCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        SpectrometerOptions s = card.Spectrometer;
        double z = card.Srd.ZCm;
        foreach (CounterOptions c in s.Counters) z = Math.Max(z, c.ZCm);
        foreach (TrackerPlaneOptions t in s.Trackers) z = Math.Max(z, t.ZCm);
        foreach (DipoleOptions d in s.Dipoles) z = Math.Max(z, d.ZStartCm + d.LengthCm);
        if (!(z < 0)) throw new InvalidOperationException($"set-up card {card.Name}: the last upstream element at z = {z} cm is not upstream of the ECAL face (z = 0)");
        return new DecayRegion(z);
    }
}
