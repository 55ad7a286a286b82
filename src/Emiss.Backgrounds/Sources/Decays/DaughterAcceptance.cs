using Emiss.Detector.Setup;

namespace Emiss.Backgrounds.Sources.Decays;

/// <summary>
/// The beam-line elements between a decay point and the ECAL face that the daughters, not the parent, cross
/// (docs/physics/decays-in-flight.md#daughters-in-s3-and-the-srd): a trigger counter fires only if a charged daughter
/// passes inside it (square, half-width as in the transport, centred on the nominal beam); the SRD, a calorimeter beside
/// the beam on the side its synchrotron light arrives (x from −offsetMax to −offsetMin relative to the beam; its height,
/// which the card does not give, taken as |y| &lt; offsetMax [assumed]), absorbs every daughter but a neutrino that hits
/// its face and adds the daughter's energy to the SRD's signal. Positions are relative to the nominal beam; daughters
/// fly straight (the region is downstream of every field) from the parent's position at the ECAL face, which the parent's
/// angular spread (≈ 0.1 mrad) moves by ≲ 0.2 cm over the region.
/// </summary>
public sealed class DaughterAcceptance
{
    private readonly (int Bit, CounterOptions Counter)[] _counters;
    private readonly SrdOptions _srd;

    /// <summary>The elements of <paramref name="card"/>.</summary>
    public DaughterAcceptance(SetupCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        IReadOnlyList<CounterOptions> c = card.Spectrometer.Counters;
        _counters = [.. c.Select((o, i) => (1 << i, o))];
        _srd = card.Srd;
    }

    /// <summary>Bits (<c>BeamLineRecord.CountersFired</c>) of the counters downstream of <paramref name="zDecayCm"/>: their
    /// parent hit is replaced by the daughters'.</summary>
    public int CountersDownstreamOf(double zDecayCm)
    {
        int mask = 0;
        foreach (var (bit, counter) in _counters) if (counter.ZCm > zDecayCm) mask |= bit;
        return mask;
    }

    /// <summary>
    /// Follows one daughter from (x, y) at <paramref name="zDecayCm"/> with slopes (tx, ty) relative to the beam: returns the
    /// bits of the downstream counters it fires (charged daughters only, up to where it stops) and whether the SRD absorbs it.
    /// </summary>
    public (int Fired, bool AbsorbedInSrd) Follow(double zDecayCm, double x, double y, double tx, double ty, bool charged, bool neutrino)
    {
        int fired = 0;
        bool srdAhead = !neutrino && _srd.ZCm > zDecayCm;
        double xs = x + tx * (_srd.ZCm - zDecayCm), ys = y + ty * (_srd.ZCm - zDecayCm);
        // The beam sits at x = 0: a daughter at xs lies −xs to the SR side of it.
        bool absorbed = srdAhead && _srd.InBand(-xs) && Math.Abs(ys) < _srd.OffsetMaxCm;
        if (!charged) return (0, absorbed);
        foreach (var (bit, counter) in _counters)
        {
            if (!(counter.ZCm > zDecayCm) || (absorbed && counter.ZCm > _srd.ZCm)) continue;
            double dz = counter.ZCm - zDecayCm;
            if (counter.Covers(x + tx * dz, y + ty * dz)) fired |= bit;
        }
        return (fired, absorbed);
    }
}
