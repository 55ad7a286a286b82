namespace Emiss.Detector.Setup;

/// <summary>
/// A complete NA64 set-up (seed, Fig. 1): beam, upstream spectrometer, SRD, ECAL, V2, HCAL, MU1–MU4, trigger
/// and pile-up. Built-in cards: <see cref="SetupPresets"/>; user files override them through
/// <see cref="SetupCardJson"/>. Immutable; <see cref="Validate"/> reports every problem at once.
/// </summary>
public sealed record SetupCard
{
    /// <summary>Schema identifier of this card format.</summary>
    public const string CurrentSchema = "emiss-setup/1";

    /// <summary>Card schema, must equal <see cref="CurrentSchema"/>.</summary>
    public string Schema { get; init; } = CurrentSchema;

    /// <summary>Card name, e.g. "na64-2016-pbsc".</summary>
    public string Name { get; init; } = "custom";

    /// <summary>Beam at S1.</summary>
    public BeamOptions Beam { get; init; } = new();

    /// <summary>Counters, trackers and dipoles.</summary>
    public SpectrometerOptions Spectrometer { get; init; } = new();

    /// <summary>Synchrotron-radiation detector.</summary>
    public SrdOptions Srd { get; init; } = new();

    /// <summary>Active target / ECAL.</summary>
    public EcalOptions Ecal { get; init; } = new();

    /// <summary>Veto V2 directly behind the ECAL.</summary>
    public ScintillatorOptions V2 { get; init; } = new();

    /// <summary>Hadron calorimeter.</summary>
    public HcalOptions Hcal { get; init; } = new();

    /// <summary>Muon counters MU1–MU4 (one behind each HCAL module; shared settings).</summary>
    public ScintillatorOptions MuonCounters { get; init; } = new();

    /// <summary>Hardware trigger.</summary>
    public TriggerOptions Trigger { get; init; } = new();

    /// <summary>Pile-up.</summary>
    public PileUpOptions PileUp { get; init; } = new();

    /// <summary>Data acquisition: reference trigger, dead time, loose SRD skim.</summary>
    public DaqOptions Daq { get; init; } = new();

    /// <summary>All validation problems (empty when the card is usable), each naming the card path and the fix.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Schema != CurrentSchema)
            errors.Add($"setup card error at $.schema: '{Schema}' is not supported; use '{CurrentSchema}'");
        Beam.Validate("$.beam", errors);
        Spectrometer.Validate("$.spectrometer", errors);
        Srd.Validate("$.srd", errors);
        Ecal.Validate("$.ecal", errors);
        V2.Validate("$.v2", errors);
        Hcal.Validate("$.hcal", errors);
        MuonCounters.Validate("$.muonCounters", errors);
        Trigger.Validate("$.trigger", errors);
        PileUp.Validate("$.pileUp", errors);
        Daq.Validate("$.daq", errors);
        if (Spectrometer.Counters.Count > 16)
            errors.Add($"setup card error at $.spectrometer.counters: {Spectrometer.Counters.Count} counters; at most 16 are supported by the trigger bit mask");
        if (Spectrometer.Trackers.Count > 0 && (Srd.ZCm <= Spectrometer.Trackers.Max(t => t.ZCm) || Srd.ZCm >= 0))
            errors.Add("setup card error at $.srd.zCm: the SRD must sit between the last tracker and the ECAL face (z = 0)");
        return errors;
    }
}
