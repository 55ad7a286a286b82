using Emiss.Core.Random;
using Emiss.Shower.Processes;

namespace Emiss.Shower.Tests.Transport;

/// <summary>A test process standing in for A′-strahlung: e± above 1 GeV lose half their energy invisibly, Σ = 0.05/cm.</summary>
internal sealed class InvisibleLossProcess : IProcess
{
    public string Name => "test-invisible";

    public bool AppliesTo(ShowerSpecies particle) => particle is ShowerSpecies.Electron or ShowerSpecies.Positron;

    public double InverseMeanFreePathPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) =>
        AppliesTo(particle) && kineticGeV > 1.0 ? 1.0 : 0.0;   // ~1/3 chance per 2 GeV e⁻ before it falls below 1 GeV in the ECAL

    public double ContinuousLossGeVPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) => 0.0;

    public Interaction Interact(in ParticleState incoming, ref EventRng rng)
    {
        Interaction r = Interaction.Unchanged(incoming);
        r.InvisibleGeV = 0.5 * incoming.KineticEnergyGeV;
        r.KineticEnergyGeV = incoming.KineticEnergyGeV - r.InvisibleGeV;
        return r;
    }
}
