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
}
