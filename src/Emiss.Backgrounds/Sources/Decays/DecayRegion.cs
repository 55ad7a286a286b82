using Emiss.Detector.Setup;

namespace Emiss.Backgrounds.Sources.Decays;

/// <summary>
/// Where a beam particle's decay can fake the signal: from the last element that measures the parent — the last tracker
/// station or dipole exit of the set-up card (T4 at z = −1950 cm in the 2016 cards) — to the ECAL face (z = 0). A decay
/// upstream of it changes the measured track (a kink between the stations, a daughter bent by the field), one
/// downstream of it leaves the track that of the 100 GeV parent. The elements still downstream of the decay (the trigger
/// counter S3, the SRD) see the daughters instead of the parent (<see cref="DaughterAcceptance"/>;
/// docs/physics/decays-in-flight.md#decay-region).
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
        double z = double.NegativeInfinity;
        foreach (TrackerPlaneOptions t in s.Trackers) z = Math.Max(z, t.ZCm);
        foreach (DipoleOptions d in s.Dipoles) z = Math.Max(z, d.ZStartCm + d.LengthCm);
        if (!(z < 0)) throw new InvalidOperationException($"set-up card {card.Name}: the last tracker or dipole at z = {z} cm is not upstream of the ECAL face (z = 0)");
        return new DecayRegion(z);
    }
}
