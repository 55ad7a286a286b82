namespace Emiss.Signal.Biasing;

/// <summary>How the A′ was produced.</summary>
public enum EmissionKind : byte
{
    /// <summary>No A′ in this event.</summary>
    None = 0,
    /// <summary>A′-strahlung e± Z → e± Z A′ (PHYSICS.md §1).</summary>
    Bremsstrahlung = 1,
    /// <summary>Resonant e⁺e⁻ → A′ on an atomic electron (PHYSICS.md §2.5).</summary>
    ResonantAnnihilation = 2,
}
