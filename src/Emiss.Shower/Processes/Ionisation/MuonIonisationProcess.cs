using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Shower.Materials;

namespace Emiss.Shower.Processes.Ionisation;

/// <summary>Muons as passive tracks: continuous mean ionisation loss only (no δ rays, no radiative losses: these
/// add ≲ 10 % at 100 GeV in Pb and belong to the later muon issue).</summary>
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
