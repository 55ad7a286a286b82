namespace Emiss.Signal.Biasing;

/// <summary>How the A′ was produced.</summary>
public enum EmissionKind : byte
{
    /// <summary>No A′ in this event.</summary>
    None = 0,
    /// <summary>A′-strahlung e± Z → e± Z A′ (docs/physics/dark-production.md#process).</summary>
    Bremsstrahlung = 1,
    /// <summary>Resonant e⁺e⁻ → A′ on an atomic electron (docs/physics/resonant-annihilation.md#cross-section).</summary>
    ResonantAnnihilation = 2,
}
