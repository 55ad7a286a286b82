using Emiss.Core.Random;
using Emiss.Shower.Processes;

namespace Emiss.Shower.Tests.Transport;

/// <summary>A test process standing in for A′-strahlung: e± above <paramref name="thresholdGeV"/> (default 1 GeV) lose half
/// their energy invisibly, Σ = 1/cm.</summary>
internal sealed class InvisibleLossProcess(double thresholdGeV = 1.0) : IProcess
{
    public string Name => "test-invisible";

    public bool AppliesTo(ShowerSpecies particle) => particle is ShowerSpecies.Electron or ShowerSpecies.Positron;

    public double InverseMeanFreePathPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) =>
        AppliesTo(particle) && kineticGeV > thresholdGeV ? 1.0 : 0.0;   // ~1/3 chance per 2 GeV e⁻ before it falls below 1 GeV in the ECAL

    public double ContinuousLossGeVPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) => 0.0;

    public Interaction Interact(in ParticleState incoming, ref EventRng rng)
    {
        Interaction r = Interaction.Unchanged(incoming);
        r.InvisibleGeV = 0.5 * incoming.KineticEnergyGeV;
        r.KineticEnergyGeV = incoming.KineticEnergyGeV - r.InvisibleGeV;
        return r;
    }
}
