using Emiss.Core.Random;

namespace Emiss.Shower.Processes;

/// <summary>
/// The only view of a physics process the transport loop has (Celeritas-style role split: each process owns its
/// data, cross-section calculator, sampler and interactor). Cross sections and continuous losses are called only
/// while the tables are built; the loop interpolates the tables and calls <see cref="Interact"/> at an interaction.
/// A process is constructed for one <see cref="Materials.ShowerMaterialSet"/> and refers to materials by index.
/// </summary>
public interface IProcess
{
    /// <summary>Short name, e.g. "eBrem", "conv", "compt".</summary>
    string Name { get; }

    /// <summary>True if the process acts on this species.</summary>
    bool AppliesTo(ShowerSpecies particle);

    /// <summary>Macroscopic cross section Σ of the discrete interaction (above the production cuts), cm⁻¹.</summary>
    double InverseMeanFreePathPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV);

    /// <summary>Continuous energy loss below the production cut (restricted stopping power), GeV/cm; 0 if none.</summary>
    double ContinuousLossGeVPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV);

    /// <summary>Samples the final state of one interaction of <paramref name="incoming"/>.</summary>
    Interaction Interact(in ParticleState incoming, ref EventRng rng);
}
