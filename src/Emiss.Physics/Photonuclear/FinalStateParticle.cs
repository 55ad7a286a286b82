namespace Emiss.Physics.Photonuclear;

/// <summary>A final-state particle: PDG code and lab four-momentum (GeV; z along the incoming photon).</summary>
/// <param name="Pdg">PDG Monte Carlo code.</param>
/// <param name="E">Total energy, GeV.</param>
/// <param name="Px">Momentum x, GeV/c.</param>
/// <param name="Py">Momentum y, GeV/c.</param>
/// <param name="Pz">Momentum z, GeV/c.</param>
public readonly record struct FinalStateParticle(int Pdg, double E, double Px, double Py, double Pz)
{
    /// <summary>|p|, GeV/c.</summary>
    public double P => Math.Sqrt(Px * Px + Py * Py + Pz * Pz);

    /// <summary>Invariant mass √(E² − p²) (0 for rounding below zero), GeV.</summary>
    public double Mass => Math.Sqrt(Math.Max(0, E * E - Px * Px - Py * Py - Pz * Pz));
}
