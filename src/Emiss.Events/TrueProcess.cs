namespace Emiss.Events;

/// <summary>True origin of a simulated event (stored as its integer code in the event store; values are part of
/// the schema: never renumber).</summary>
public enum TrueProcess
{
    /// <summary>Beam electron.</summary>
    BeamElectron = 0,
    /// <summary>Beam π⁻.</summary>
    BeamPion = 1,
    /// <summary>Beam K⁻.</summary>
    BeamKaon = 2,
    /// <summary>Beam μ⁻.</summary>
    BeamMuon = 3,
    /// <summary>A′ emission in the target (signal samples).</summary>
    DarkPhotonSignal = 10,
    /// <summary>γ → μ⁺μ⁻ of a shower photon in the target (seed region I; e⁻Z → e⁻Zγ, γ → μμ).</summary>
    Dimuon = 20,
    /// <summary>Hadron photo-/electroproduction by a hard shower photon in the target (seed region II, sideband A).</summary>
    Photonuclear = 21,
    /// <summary>Beam e⁻ interaction in the beam-line material (seed Table I "e⁻ interactions in the beamline materials").</summary>
    UpstreamInteraction = 22,
    /// <summary>Beam μ/π/K with a knock-on electron from the vessel window faking the SRD tag, decaying in flight before the ECAL.</summary>
    DecayInFlight = 23,
    /// <summary>Low-energy-tail electron tagging the SRD and bent out of acceptance, in time with a decaying μ/π/K.</summary>
    PileUpDecay = 24,
    /// <summary>Mis-tagged beam μ radiating in the target (μZ → μZγ) with a poorly detected scattered muon.</summary>
    MuonBremTarget = 25,
    /// <summary>Mis-tagged beam π/K charge exchange in the target (π⁻A → π⁰X).</summary>
    ChargeExchange = 26,
    /// <summary>Beam electron from the H4 low-energy tail (E ≲ 80 GeV at the target).</summary>
    LowEnergyTail = 27,
    /// <summary>Hard bremsstrahlung photon of the beam e⁻ that crosses the ECAL, V2 and the HCAL without interacting
    /// (seed Table I "loss of e⁻ energy due to punch-through γs").</summary>
    PunchThroughPhoton = 28,
}
