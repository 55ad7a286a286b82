namespace Emiss.Analysis.Projections;

/// <summary>The lepton of a projected beam.</summary>
public enum BeamParticle
{
    /// <summary>e⁻, as in NA64-2016.</summary>
    Electron,

    /// <summary>e⁺: A′-strahlung plus resonant annihilation of the beam positron on atomic electrons.</summary>
    Positron,
}
