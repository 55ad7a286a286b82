namespace Emiss.Events;

/// <summary>Trigger decision bits stored per event (values are part of the event-store schema).</summary>
[Flags]
public enum TriggerBits
{
    /// <summary>No condition met.</summary>
    None = 0,
    /// <summary>Beam-defining coincidence S1·S2·S3.</summary>
    BeamCounters = 1,
    /// <summary>In-time ECAL cluster above the lower threshold.</summary>
    EcalCluster = 2,
    /// <summary>In-time ECAL sum below the upper threshold (E_ECAL ≲ 80 GeV, seed).</summary>
    EcalBelowMax = 4,
    /// <summary>Physics trigger: all of the above.</summary>
    Physics = 8,
    /// <summary>Prescaled reference trigger: S1·S2·S3 only, one beam particle in <c>prescale</c> recorded unbiased
    /// (the seed counts EOT from these events, corrected for dead time).</summary>
    Reference = 16,
}
