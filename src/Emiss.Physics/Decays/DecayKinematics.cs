namespace Emiss.Physics.Decays;

/// <summary>How the rest-frame momenta of a channel's daughters are distributed.</summary>
public enum DecayKinematics
{
    /// <summary>Two bodies, back to back with the fixed momentum p* (spin-0 parent: isotropic).</summary>
    TwoBody = 0,

    /// <summary>K → π ℓ ν with the V−A Dalitz density and linear form factors (<see cref="Kl3Density"/>).</summary>
    Kl3 = 1,

    /// <summary>Three bodies uniform in the Dalitz plot (constant matrix element: K → 3π).</summary>
    PhaseSpace = 2,

    /// <summary>μ⁻ → e⁻ ν̄_e ν_μ with the V−A matrix element |M|² ∝ (p_μ·p_ν̄e)(p_e·p_νμ), unpolarised
    /// (<see cref="MichelDensity"/>).</summary>
    Michel = 3,
}
