namespace Emiss.Analysis.Sidebands;

/// <summary>A one-parameter shape fitted to the sideband events (unbinned maximum likelihood) and integrated over the box.</summary>
public enum ExtrapolationModel
{
    /// <summary>Density ∝ exp(−λx), λ of either sign.</summary>
    Exponential,
    /// <summary>Density ∝ x^(−k), k of either sign (x &gt; 0).</summary>
    PowerLaw,
    /// <summary>Density constant (no free parameter): the most conservative shape when the box is wide.</summary>
    Flat,
}
