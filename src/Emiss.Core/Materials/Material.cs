using System.Collections.Immutable;

namespace Emiss.Core.Materials;

/// <summary>
/// A homogeneous material with the bulk properties the physics needs. Values follow the PDG
/// Atomic and Nuclear Properties tables as collected in docs/physics/materials.md#material-table and docs/physics/materials.md#density-effect-parameters.
/// </summary>
/// <param name="Name">Canonical run-card name, e.g. "Pb", "PbWO4".</param>
/// <param name="Elements">Elemental composition by mass fraction.</param>
/// <param name="DensityGPerCm3">Density, g/cm³.</param>
/// <param name="RadiationLengthGPerCm2">X0, g/cm² (PDG).</param>
/// <param name="CriticalEnergyElectronGeV">E_c for e⁻ (Rossi definition), GeV.</param>
/// <param name="CriticalEnergyPositronGeV">E_c for e⁺, GeV.</param>
/// <param name="MoliereRadiusCm">R_M, cm.</param>
/// <param name="NuclearInteractionLengthCm">λ_I, cm.</param>
/// <param name="MinimumIonisationGeVCm2PerG">dE/dx_min, GeV·cm²/g.</param>
/// <param name="MeanExcitationEnergyGeV">Mean excitation energy I, GeV.</param>
/// <param name="DensityEffect">Sternheimer parameters.</param>
public sealed record Material(
    string Name,
    ImmutableArray<ElementComponent> Elements,
    double DensityGPerCm3,
    double RadiationLengthGPerCm2,
    double CriticalEnergyElectronGeV,
    double CriticalEnergyPositronGeV,
    double MoliereRadiusCm,
    double NuclearInteractionLengthCm,
    double MinimumIonisationGeVCm2PerG,
    double MeanExcitationEnergyGeV,
    SternheimerParameters DensityEffect)
{
    /// <summary>X0 in cm.</summary>
    public double RadiationLengthCm => RadiationLengthGPerCm2 / DensityGPerCm3;

    /// <summary>⟨Z/A⟩ = Σ w_j Z_j/A_j, mol/g.</summary>
    public double ZOverA => Elements.Sum(e => e.MassFraction * e.Z / e.AGramsPerMol);

    /// <summary>Atom density of element j, atoms/cm³: ρ w_j N_A / A_j.</summary>
    public double AtomDensityPerCm3(ElementComponent element) =>
        DensityGPerCm3 * element.MassFraction * Constants.PhysicalConstants.AvogadroPerMol / element.AGramsPerMol;

    /// <summary>Electron density, electrons/cm³.</summary>
    public double ElectronDensityPerCm3 => DensityGPerCm3 * ZOverA * Constants.PhysicalConstants.AvogadroPerMol;

    /// <summary>The heaviest element (largest Z), which dominates radiative processes.</summary>
    public ElementComponent DominantElement => Elements.MaxBy(e => e.Z)!;

    /// <summary>True for a single-element material.</summary>
    public bool IsElement => Elements.Length == 1;
}
