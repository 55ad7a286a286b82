using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Shower.Materials;

namespace Emiss.Shower.Processes.Ionisation;

/// <summary>Muon ionisation: continuous mean loss (Bethe with the density effect) with the transport's energy-loss
/// fluctuations, no δ rays as particles; the radiative losses are <see cref="MuonRadiativeProcess"/>.</summary>
public sealed class MuonIonisationProcess : IProcess
{
    private readonly ShowerMaterialSet _materials;

    /// <summary>Creates the process for a material set.</summary>
    public MuonIonisationProcess(ShowerMaterialSet materials) => _materials = materials ?? throw new ArgumentNullException(nameof(materials));

    /// <inheritdoc />
    public string Name => "muIoni";

    /// <inheritdoc />
    public bool AppliesTo(ShowerSpecies particle) => particle is ShowerSpecies.MuonMinus or ShowerSpecies.MuonPlus;

    /// <inheritdoc />
    public double InverseMeanFreePathPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) => 0.0;

    /// <inheritdoc />
    public double ContinuousLossGeVPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) =>
        AppliesTo(particle) ? MuonStoppingPower.GeVPerCm(_materials[materialIndex].Source, kineticGeV, PhysicalConstants.MuonMassGeV) : 0.0;

    /// <inheritdoc />
    public Interaction Interact(in ParticleState incoming, ref EventRng rng) => Interaction.Unchanged(incoming);
}
