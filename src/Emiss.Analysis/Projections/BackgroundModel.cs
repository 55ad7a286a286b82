namespace Emiss.Analysis.Projections;

/// <summary>How the expected background of a projection scales with exposure.</summary>
public enum BackgroundModel
{
    /// <summary>No background at any exposure: N₉₀ = ln 10 at 90% CL and ε₉₀ ∝ EOT^(−1/2).</summary>
    Zero,

    /// <summary>A constant background per EOT (given by the user or taken from the run card): b = r · EOT.</summary>
    ConstantPerEot,

    /// <summary>b = r · EOT with r from the background Monte Carlo of a finished <c>emiss reproduce</c> (its derived b over its EOT).</summary>
    BackgroundMonteCarlo,
}
