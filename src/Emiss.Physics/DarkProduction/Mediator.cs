namespace Emiss.Physics.DarkProduction;

/// <summary>Spin/parity of the light boson radiated in e Z → e Z X (docs/physics/dark-production.md#mediators-and-couplings).</summary>
public enum Mediator
{
    /// <summary>Vector (dark photon, kinetic mixing ε e A′_μ ē γ^μ e).</summary>
    Vector,

    /// <summary>Scalar, coupling g S ē e with g²/4π = ε²α.</summary>
    Scalar,

    /// <summary>Pseudoscalar, coupling g P ē iγ⁵ e.</summary>
    Pseudoscalar,

    /// <summary>Axial vector, coupling g A_μ ē γ^μ γ⁵ e.</summary>
    AxialVector,
}
