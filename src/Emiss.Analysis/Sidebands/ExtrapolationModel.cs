namespace Emiss.Analysis.Sidebands;

/// <summary>A shape of the background density in the variable that separates a sideband from the box; it is fitted to
/// the sideband's events (where it has a parameter) and integrated over the box (docs/physics/background-method2.md#models).</summary>
public enum ExtrapolationModel
{
    /// <summary>Density ∝ exp(−λx), λ fitted by weighted unbinned maximum likelihood within the sideband's bounds on λ.</summary>
    Exponential,
    /// <summary>Density constant (no free parameter).</summary>
    Flat,
    /// <summary>
    /// Density of the energy left to an electron of beam energy E₀ after one bremsstrahlung emission, x = E/E₀:
    /// f(x) ∝ (1/y)(4/3 − 4/3·y + y²) with y = 1 − x the photon's fraction (complete screening; Tsai, Rev. Mod. Phys. 46
    /// (1974) 815, eq. 3.83; PDG Review "Passage of particles through matter" eq. 34.29). No free parameter: the seed's
    /// sideband C holds "e⁻ interactions in the downstream part of the beamline accompanied by bremsstrahlung photons".
    /// </summary>
    BremsstrahlungLoss,
}
