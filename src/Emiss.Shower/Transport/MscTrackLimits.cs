namespace Emiss.Shower.Transport;

/// <summary>
/// Per-track state of the multiple-scattering step limitation (Urban, CERN-OPEN-2006-077, sect. 4): what was fixed when
/// the track started or last entered a volume. Data only; the logic is ShowerTransport.Scattering.cs.
/// </summary>
internal struct MscTrackLimits
{
    /// <summary>The limits still have to be fixed (new track or new volume, and not yet near a boundary).</summary>
    public bool Fresh;

    /// <summary>The track entered the current volume through a boundary (as opposed to starting in it).</summary>
    public bool EnteredThroughBoundary;

    /// <summary>Steps taken near boundaries since entering the volume (the first is the skin step).</summary>
    public int StepsInVolume;

    /// <summary>Range on entering (UseSafety: max(range, λ1) for e±), cm.</summary>
    public double RangeInit;

    /// <summary>Range factor in force (UseSafety grows it with λ1 above 1 mm).</summary>
    public double RangeFactor;

    /// <summary>Limit from the distance to the boundary ahead on entering, true path, cm.</summary>
    public double GeometryLimit;

    /// <summary>Elastic-mean-free-path step (skin steps), cm.</summary>
    public double ElasticStep;

    /// <summary>Smallest step, cm.</summary>
    public double MinimumStep;

    /// <summary>State of a new track: nothing fixed, far from the last skin.</summary>
    public static MscTrackLimits NewTrack => new() { Fresh = true, StepsInVolume = 1 << 20 };

    /// <summary>State after crossing into a new volume.</summary>
    public static MscTrackLimits EnteredVolume(in MscTrackLimits previous) =>
        previous with { Fresh = true, EnteredThroughBoundary = true };
}
