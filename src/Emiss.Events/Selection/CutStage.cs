namespace Emiss.Events.Selection;

/// <summary>The selection's cuts in the order they are applied; an event's outcome is the last stage it passed.
/// Values are the cut-flow order (stable: they index cut-flow tables).</summary>
public enum CutStage
{
    /// <summary>Every event read.</summary>
    All = 0,
    /// <summary>Physics trigger.</summary>
    PhysicsTrigger = 1,
    /// <summary>Loose SRD preselection (the seed's ≈ 5·10⁴ checkpoint).</summary>
    LooseSrd = 2,
    /// <summary>(i) incoming track.</summary>
    Track = 3,
    /// <summary>(ii) SRD in the SR range and in time.</summary>
    Srd = 4,
    /// <summary>(iii) ECAL shower shape.</summary>
    EcalShape = 5,
    /// <summary>(iv) no activity in V2 (the seed's ≈ 300 checkpoint): all cuts passed.</summary>
    V2 = 6,
}

/// <summary>Where an event lies in the (E_ECAL, E_HCAL) plane (the seed's Fig. 2).</summary>
public enum SignalRegion
{
    /// <summary>None of the regions below (e.g. E_ECAL + E_HCAL ≈ 100 GeV, region II).</summary>
    Other = 0,
    /// <summary>Signal box: E_ECAL below the box edge and E_HCAL below its edge.</summary>
    SignalBox = 1,
    /// <summary>Sideband A: E_ECAL in the box range, E_HCAL above the box.</summary>
    SidebandA = 2,
    /// <summary>Sideband C: E_ECAL above the box up to the trigger threshold, E_HCAL in the box range.</summary>
    SidebandC = 3,
}

/// <summary>Stable names of stages and regions (cut-flow CSV, cut cards, documentation).</summary>
public static class CutNames
{
    /// <summary>Number of stages.</summary>
    public const int StageCount = 7;

    /// <summary>The CSV name of <paramref name="stage"/>.</summary>
    public static string Of(CutStage stage) => stage switch
    {
        CutStage.All => "all",
        CutStage.PhysicsTrigger => "physics_trigger",
        CutStage.LooseSrd => "loose_srd",
        CutStage.Track => "i_track",
        CutStage.Srd => "ii_srd",
        CutStage.EcalShape => "iii_ecal_shape",
        CutStage.V2 => "iv_v2",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary>The CSV name of <paramref name="region"/>.</summary>
    public static string Of(SignalRegion region) => region switch
    {
        SignalRegion.Other => "other",
        SignalRegion.SignalBox => "signal_box",
        SignalRegion.SidebandA => "sideband_a",
        SignalRegion.SidebandC => "sideband_c",
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, null),
    };
}
